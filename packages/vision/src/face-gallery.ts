import { z } from 'zod';

/**
 * Cosine similarity above which two face descriptors are taken for the same person. Calibrated
 * on the labelled identities of the media kit by `scripts/calibrate-face-threshold.ts`; the
 * false-accept and false-reject rates at this value are in docs/benchmarks/vision.md.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.647;

export const embeddingSchema = z.array(z.number().finite()).min(64).max(4096);

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export interface GalleryEntry {
  personId: string;
  embeddings: number[][];
}

export interface FaceMatch {
  personId: string;
  similarity: number;
}

/**
 * Enrolled adults of one gallery (a kindergarten's staff, or the city's restricted list). A
 * probe matches the person whose closest enrolment photo is most similar, if that similarity
 * reaches the threshold. Descriptors only: no pictures are kept here.
 */
export class FaceGallery {
  private readonly entries = new Map<string, number[][]>();

  constructor(private readonly threshold = DEFAULT_MATCH_THRESHOLD) {}

  set(entry: GalleryEntry): void {
    const embeddings = entry.embeddings.map((e) => embeddingSchema.parse(e));
    this.entries.set(entry.personId, embeddings);
  }

  remove(personId: string): boolean {
    return this.entries.delete(personId);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The best match at or above the threshold, or undefined for an unknown face. */
  match(embedding: readonly number[]): FaceMatch | undefined {
    let best: FaceMatch | undefined;
    for (const [personId, embeddings] of this.entries) {
      for (const enrolled of embeddings) {
        const similarity = cosineSimilarity(embedding, enrolled);
        if (!best || similarity > best.similarity) best = { personId, similarity };
      }
    }
    return best && best.similarity >= this.threshold ? best : undefined;
  }
}
