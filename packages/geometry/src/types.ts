/**
 * Plan coordinates are metres with x to the right and y downwards, as in SVG and in image
 * pixels, so a background image maps onto a plan with one scale factor. Angles are degrees;
 * 0° points along +x and angles grow towards +y (clockwise on screen).
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A closed ring given without repeating its first point; either winding is accepted. */
export type Ring = readonly Point[];

/** A polygon with holes, as produced by boolean operations. */
export interface PolygonWithHoles {
  readonly outer: Ring;
  readonly holes: readonly Ring[];
}

/** Any set of the plane: zero or more disjoint polygons with holes. */
export type Region = readonly PolygonWithHoles[];

export type OpeningKind = 'door' | 'window';

/** A gap in a wall, measured along the wall from its start point `a`. */
export interface Opening {
  readonly id: string;
  readonly kind: OpeningKind;
  /** Distance in metres from the wall's start to the near edge of the opening. */
  readonly offset: number;
  readonly width: number;
  /** Frosted or shuttered windows block sight; doors never do (they are assumed open). */
  readonly opaque?: boolean;
}

/** A wall is the thin rectangle of the given thickness centred on the segment a–b. */
export interface Wall {
  readonly id: string;
  readonly a: Point;
  readonly b: Point;
  readonly thickness: number;
  readonly openings?: readonly Opening[];
}

export type ObstacleKind = 'pillar' | 'furniture';

/**
 * A solid that blocks sight from floor to ceiling (pillars, tall cupboards).
 * LIMITATION: the plan is two-dimensional; low furniture a ceiling camera sees over must be left
 * out, or the area behind it is reported as a dead zone.
 */
export interface Obstacle {
  readonly id: string;
  readonly kind: ObstacleKind;
  readonly polygon: Ring;
}

export type DoriLevel = 'detect' | 'observe' | 'recognise' | 'identify';

export interface Area {
  readonly id: string;
  readonly polygon: Ring;
  /** The detail level every point of the area must be seen at. */
  readonly requiredLevel: DoriLevel;
  /** Toilets and changing rooms: no camera may see into them. */
  readonly neverFilmed?: boolean;
}

export interface FloorPlan {
  readonly id: string;
  /** The building's outline on this floor; sight does not leave it. */
  readonly outline: Ring;
  readonly walls: readonly Wall[];
  readonly obstacles: readonly Obstacle[];
  readonly areas: readonly Area[];
}

export type CameraType = 'fixed' | 'fisheye';

export interface Camera {
  readonly id: string;
  readonly type: CameraType;
  readonly position: Point;
  /** Viewing direction in degrees; ignored for fisheye cameras. */
  readonly direction: number;
  /** Horizontal field of view in degrees, in (0, 360]; fisheye cameras always see 360°. */
  readonly fov: number;
  /** Largest distance in metres at which the camera is taken to see anything. */
  readonly range: number;
  /** Horizontal resolution in pixels (for a fisheye: the image circle's diameter). */
  readonly resolutionX: number;
  /** Mount height in metres; used by the fisheye pixel-density model. */
  readonly mountHeight?: number;
}
