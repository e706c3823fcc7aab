// The parts of clipper-lib (Clipper 6 for JavaScript) that clip.ts uses; the package ships no types.
declare module 'clipper-lib' {
  export interface IntPoint {
    X: number;
    Y: number;
  }
  export type Path = IntPoint[];
  export interface PolyNode {
    Contour(): Path;
    Childs(): PolyNode[];
  }
  export class PolyTree implements PolyNode {
    Contour(): Path;
    Childs(): PolyNode[];
  }
  export class Clipper {
    AddPaths(paths: Path[], polyType: number, closed: boolean): boolean;
    Execute(
      clipType: number,
      solution: PolyTree | Path[],
      subjFill: number,
      clipFill: number,
    ): boolean;
    static Orientation(path: Path): boolean;
  }
  const ClipperLib: {
    Clipper: typeof Clipper;
    PolyTree: typeof PolyTree;
    ClipType: { ctIntersection: number; ctUnion: number; ctDifference: number };
    PolyType: { ptSubject: number; ptClip: number };
    PolyFillType: { pftNonZero: number };
  };
  export default ClipperLib;
}
