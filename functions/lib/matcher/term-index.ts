/**
 * An inverted index from terms to the documents holding them, the structure the matcher scores
 * with: candidates for a document are only those that share a term with it, so grouping many
 * short questions costs about (documents x postings per term) instead of all pairs. Terms held
 * by more than `maxPostings` documents are too common to tell questions apart and are skipped
 * as candidate sources (the similarity check still counts them).
 */
export class TermIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(
    documents: readonly ReadonlySet<string>[],
    private readonly maxPostings = 200,
  ) {
    documents.forEach((terms, index) => {
      for (const term of terms) {
        const list = this.postings.get(term);
        if (list) list.push(index);
        else this.postings.set(term, [index]);
      }
    });
  }

  /** Documents (by index, each once) sharing at least one distinctive term with `terms`. */
  candidates(terms: ReadonlySet<string>): number[] {
    const seen = new Set<number>();
    for (const term of terms) {
      const list = this.postings.get(term);
      if (!list || list.length > this.maxPostings) continue;
      for (const index of list) seen.add(index);
    }
    return [...seen];
  }
}
