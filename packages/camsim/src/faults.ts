import { z } from 'zod';

export const faultKinds = [
  'disconnect',
  'stall',
  'freeze',
  'black',
  'blur',
  'turn',
  'reboot',
  'wrong-credentials',
] as const;

export const faultKindSchema = z.enum(faultKinds);
export type FaultKind = z.infer<typeof faultKindSchema>;

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disconnect') }),
  z.object({ kind: z.literal('stall') }),
  z.object({ kind: z.literal('freeze') }),
  z.object({ kind: z.literal('black') }),
  z.object({ kind: z.literal('blur') }),
  z.object({ kind: z.literal('turn') }),
  /** Gone (connections closed and refused) for `seconds`, then back with fresh encoders. */
  z.object({ kind: z.literal('reboot'), seconds: z.number().positive().max(3600).default(10) }),
  /** The camera's password changes to an unknown one until cleared. */
  z.object({ kind: z.literal('wrong-credentials') }),
]);
export type Fault = z.infer<typeof faultSchema>;

/** A fault object, or just its kind (a reboot then lasts 10 s). */
export type FaultInput = Fault | FaultKind;

export function parseFault(input: unknown): Fault {
  const value = typeof input === 'string' ? { kind: input } : input;
  return faultSchema.parse(value);
}

export const pictureFaultKinds = ['freeze', 'black', 'blur', 'turn'] as const;
