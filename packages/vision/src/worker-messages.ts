import { z } from 'zod';

const boxSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
const keypointSchema = z.object({ x: z.number(), y: z.number(), score: z.number() });

export const personSchema = z.object({
  box: boxSchema,
  score: z.number(),
  pose: z.array(keypointSchema),
});

export const faceSchema = z.object({
  box: boxSchema,
  score: z.number(),
  embedding: z.array(z.number()).optional(),
});

const frameMessage = z.object({
  width: z.number(),
  height: z.number(),
  timestampMs: z.number(),
  data: z.instanceof(Uint8Array),
});

export const workerRequestSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.number(), kind: z.literal('people'), frame: frameMessage }),
  z.object({
    id: z.number(),
    kind: z.literal('faces'),
    frame: frameMessage,
    describe: z.boolean(),
    regions: z.array(boxSchema).optional(),
  }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});

export const workerReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('start-failed'), error: errorSchema }),
  z.object({
    kind: z.literal('people'),
    id: z.number(),
    people: z.array(personSchema),
    busyMs: z.number(),
  }),
  z.object({
    kind: z.literal('faces'),
    id: z.number(),
    faces: z.array(faceSchema),
    busyMs: z.number(),
  }),
  z.object({ kind: z.literal('failed'), id: z.number(), error: errorSchema }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;
