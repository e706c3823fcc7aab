/** How far the stream's time may run from the server's clock before it is re-anchored. */
const MAX_DRIFT_MS = 10_000;

/**
 * Turns the stream times of ffmpeg's segment list (seconds since the run began) into UTC.
 * The run's start is anchored at spawn time; ffmpeg buffers a few seconds while it probes
 * the stream, which the drift allowance absorbs. When the stream's time and the server's
 * clock part by more than that (a camera clock running fast, the server clock jumping), the
 * anchor moves so that the segment ends now.
 */
export class SegmentClock {
  private anchorMs: number;

  constructor(private readonly now: () => number) {
    this.anchorMs = now();
  }

  place(startSeconds: number, endSeconds: number): { startMs: number; endMs: number } {
    const now = this.now();
    let endMs = this.anchorMs + endSeconds * 1000;
    if (endMs > now + 500 || now - endMs > MAX_DRIFT_MS) {
      this.anchorMs = now - endSeconds * 1000;
      endMs = now;
    }
    return { startMs: Math.round(this.anchorMs + startSeconds * 1000), endMs: Math.round(endMs) };
  }
}
