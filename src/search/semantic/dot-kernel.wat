;; The semantic search's one loop: the dot product of a query with every row of a block of int8
;; vectors, 16 components per instruction (WebAssembly SIMD, on by default since Node 16.4).
;; Compiled by `npx tsx scripts/build-dot-kernel.ts` into dot-kernel-wasm.ts; see vector-rows.ts.
;;
;; dots(query, rows, count, stride, out): for r < count,
;;   out[r] = Σ_d query[d] · rows[r·stride + d]   (d < stride)
;; query: `stride` int16 at byte `query`; rows: `count` rows of `stride` int8 from byte `rows`;
;; out: `count` int32 from byte `out`. `stride` is a positive multiple of 16. With rows of ±127
;; and a query of ±32767, a sum of up to 2^31 / (127 · 32767) ≈ 516 products cannot overflow; a
;; dot of two unit vectors stays within ±127 · 32767 whatever the dimensions.
(module
  (memory (import "env" "memory") 1)
  (func (export "dots") (param $query i32) (param $rows i32) (param $count i32) (param $stride i32) (param $out i32)
    (local $at i32) (local $end i32) (local $rowEnd i32) (local $q i32) (local $sum v128) (local $v v128)
    (local.set $at (local.get $rows))
    (local.set $end (i32.add (local.get $rows) (i32.mul (local.get $count) (local.get $stride))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $sum (v128.const i32x4 0 0 0 0))
        (local.set $rowEnd (i32.add (local.get $at) (local.get $stride)))
        (local.set $q (local.get $query))
        ;; 16 row components: widened to int16 in two halves, each multiplied with 8 query
        ;; components and summed pairwise into four int32 lanes.
        (loop $column
          (local.set $v (v128.load (local.get $at)))
          (local.set $sum (i32x4.add (local.get $sum)
            (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $v)) (v128.load (local.get $q)))))
          (local.set $sum (i32x4.add (local.get $sum)
            (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $v)) (v128.load offset=16 (local.get $q)))))
          (local.set $at (i32.add (local.get $at) (i32.const 16)))
          (local.set $q (i32.add (local.get $q) (i32.const 32)))
          (br_if $column (i32.lt_u (local.get $at) (local.get $rowEnd))))
        (i32.store (local.get $out)
          (i32.add
            (i32.add (i32x4.extract_lane 0 (local.get $sum)) (i32x4.extract_lane 1 (local.get $sum)))
            (i32.add (i32x4.extract_lane 2 (local.get $sum)) (i32x4.extract_lane 3 (local.get $sum)))))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $row))))
)
