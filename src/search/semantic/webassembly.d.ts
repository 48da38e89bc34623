/**
 * The part of the WebAssembly JavaScript API that `vector-rows.ts` uses, as Node 20 provides it.
 * TypeScript declares the API in its DOM library, which this project leaves out (no browser
 * globals on a server), and @types/node does not declare it.
 */
declare namespace WebAssembly {
  // A compiled module is an opaque handle to its users: a constructor and nothing else.
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class
  class Module {
    constructor(bytes: Uint8Array);
  }
  interface MemoryDescriptor {
    /** Size in pages of 64 KiB. */
    initial: number;
    maximum?: number;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer;
  }
  type ImportValue = Memory | ((...args: number[]) => unknown) | number;
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, ImportValue>>);
    readonly exports: Record<string, unknown>;
  }
}
