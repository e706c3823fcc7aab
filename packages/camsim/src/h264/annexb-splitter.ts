/**
 * Splits an H.264 Annex-B byte stream (ITU-T H.264 annex B) into NAL units, without start codes.
 *
 * A NAL unit is only known to be complete when the next start code arrives, so the last unit
 * of a chunk stays buffered until more data (or `flush`) comes.
 */
export class AnnexBSplitter {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    const data = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const starts = findStartCodes(data);
    if (starts.length === 0) {
      this.pending = data;
      return [];
    }

    const units: Buffer[] = [];
    for (let i = 0; i + 1 < starts.length; i += 1) {
      const unit = trimNal(data.subarray(starts[i]!.payload, starts[i + 1]!.code));
      if (unit.length > 0) units.push(unit);
    }
    this.pending = Buffer.from(data.subarray(starts[starts.length - 1]!.code));
    return units;
  }

  /** Returns the buffered last NAL unit, for when the stream has ended. */
  flush(): Buffer[] {
    const starts = findStartCodes(this.pending);
    const last = starts[0];
    const data = this.pending;
    this.pending = Buffer.alloc(0);
    if (!last) return [];

    const unit = trimNal(data.subarray(last.payload));
    return unit.length > 0 ? [unit] : [];
  }
}

interface StartCode {
  /** Offset of the first zero byte of the start code. */
  code: number;
  /** Offset of the first byte after the start code. */
  payload: number;
}

function findStartCodes(data: Buffer): StartCode[] {
  const found: StartCode[] = [];
  let i = 0;
  while (i + 2 < data.length) {
    if (data[i + 2]! > 1) {
      i += 3;
      continue;
    }
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 1) {
      const code = i > 0 && data[i - 1] === 0 ? i - 1 : i;
      found.push({ code, payload: i + 3 });
      i += 3;
      continue;
    }
    i += 1;
  }
  return found;
}

/** Drops trailing zero bytes (trailing_zero_8bits), which belong to no NAL unit. */
function trimNal(unit: Buffer): Buffer {
  let end = unit.length;
  while (end > 0 && unit[end - 1] === 0) end -= 1;
  return unit.subarray(0, end);
}
