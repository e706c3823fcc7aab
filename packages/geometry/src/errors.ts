export type GeometryErrorCode =
  | 'POLYGON_TOO_FEW_POINTS'
  | 'POLYGON_ZERO_AREA'
  | 'POLYGON_SELF_INTERSECTING'
  | 'POLYGON_NOT_FINITE'
  | 'WALL_ZERO_LENGTH'
  | 'WALL_BAD_THICKNESS'
  | 'OPENING_OUTSIDE_WALL'
  | 'CAMERA_BAD_FOV'
  | 'CAMERA_BAD_RANGE'
  | 'CAMERA_BAD_RESOLUTION'
  | 'CAMERA_BAD_POSITION'
  | 'CAMERA_OUTSIDE_PLAN'
  | 'CAMERA_INSIDE_SOLID'
  | 'LENS_INVALID'
  | 'DUPLICATE_ID'
  | 'CLIPPING_FAILED';

/** One problem with one element of the input, named by its id. */
export interface GeometryIssue {
  readonly code: GeometryErrorCode;
  readonly elementId: string;
  readonly message: string;
}

/** Thrown for invalid input; `issues` lists every problem found, the message names the first. */
export class GeometryError extends Error {
  readonly code: GeometryErrorCode;
  readonly elementId: string;
  readonly issues: readonly GeometryIssue[];

  constructor(issues: readonly GeometryIssue[], options?: { cause?: unknown }) {
    const first = issues[0];
    if (!first) throw new TypeError('GeometryError needs at least one issue');
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${first.message}${more}`, options);
    this.name = 'GeometryError';
    this.code = first.code;
    this.elementId = first.elementId;
    this.issues = issues;
  }
}

export function issue(code: GeometryErrorCode, elementId: string, message: string): GeometryIssue {
  return { code, elementId, message };
}

export function throwIfIssues(issues: readonly GeometryIssue[]): void {
  if (issues.length > 0) throw new GeometryError(issues);
}
