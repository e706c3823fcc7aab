import type { SimCamera } from '../camera.ts';
import type { Camsim } from '../camsim.ts';

export interface OnvifResponder {
  port: number;
  deviceUrl(cameraId: string): string;
  close(): Promise<void>;
}

export async function startOnvifResponder(_options: {
  camsim: Camsim;
  host: string;
  port: number;
  cameras: Map<string, SimCamera>;
}): Promise<OnvifResponder> {
  throw new Error('not yet');
}
