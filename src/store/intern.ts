/**
 * Shares the strings and tag lists that repeat across facts: the case id, the file, the cited
 * source id, the tags. Facts that arrive from the load worker are fresh copies, every one with its
 * own copy of each; at 100k facts that was half a million needless objects, and the garbage
 * collector walks every live object while it marks — which is what blocked the event loop during
 * reloads.
 */
import type { Citation, Fact } from '../facts/types.js';

export class FactInterner {
  private readonly strings = new Map<string, string>();
  private readonly tagLists = new Map<string, readonly string[]>();

  /** An equal fact whose repeated parts are shared with the facts interned before it. */
  intern(fact: Fact): Fact {
    return {
      id: fact.id,
      caseId: this.string(fact.caseId),
      text: fact.text,
      citations: fact.citations.map((c): Citation => ({ ...c, source: this.string(c.source) })),
      tags: this.tags(fact.tags),
      questions: fact.questions,
      file: this.string(fact.file),
      line: fact.line,
    };
  }

  private string(value: string): string {
    const held = this.strings.get(value);
    if (held !== undefined) return held;
    this.strings.set(value, value);
    return value;
  }

  private tags(tags: readonly string[]): readonly string[] {
    // JSON, not a join: a tag may contain any character, and ["a,b"] must not meet ["a", "b"].
    const key = JSON.stringify(tags);
    const held = this.tagLists.get(key);
    if (held !== undefined) return held;
    const list = tags.map((tag) => this.string(tag));
    this.tagLists.set(key, list);
    return list;
  }
}
