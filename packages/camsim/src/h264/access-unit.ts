/** NAL unit types used here (ITU-T H.264 table 7-1). */
export const NalType = {
  slice: 1,
  idr: 5,
  sei: 6,
  sps: 7,
  pps: 8,
  aud: 9,
} as const;

export function nalType(nal: Buffer): number {
  return (nal[0] ?? 0) & 0x1f;
}

export interface AccessUnit {
  nals: Buffer[];
  isKeyframe: boolean;
}

function isVcl(type: number): boolean {
  return type >= 1 && type <= 5;
}

/**
 * first_mb_in_slice is the first ue(v) field of the slice header; it is zero exactly when the
 * first bit after the NAL header is 1, which marks the first slice of a new picture.
 */
function isFirstSliceOfPicture(nal: Buffer): boolean {
  return ((nal[1] ?? 0) & 0x80) !== 0;
}

/**
 * Groups NAL units into access units (section 7.4.1.2.3): a new one starts at an AUD, SPS, PPS
 * or SEI that follows a picture, or at the first slice of a new picture.
 */
export class AccessUnitAssembler {
  private current: Buffer[] = [];
  private hasVcl = false;

  push(nal: Buffer): AccessUnit | null {
    const type = nalType(nal);
    const startsNew =
      this.hasVcl &&
      ((type >= NalType.sei && type <= NalType.aud) || (isVcl(type) && isFirstSliceOfPicture(nal)));
    const done = startsNew ? this.take() : null;

    this.current.push(nal);
    if (isVcl(type)) this.hasVcl = true;
    return done;
  }

  flush(): AccessUnit | null {
    return this.hasVcl ? this.take() : null;
  }

  private take(): AccessUnit {
    const nals = this.current;
    this.current = [];
    this.hasVcl = false;
    return { nals, isKeyframe: nals.some((n) => nalType(n) === NalType.idr) };
  }
}
