import { z } from 'zod';
import { areaKindSchema, kindergartenTypeSchema } from './org-kinds.ts';
import { defineRoute, idParams, type RouteContract } from './route.ts';

const name = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');
const adminCode = z.string().regex(/^[0-9]{6}$/, 'must be 6 digits');
const timestamp = z.iso.datetime({ offset: true });
const archived = timestamp.nullable();
const includeArchived = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

const timezone = z
  .string()
  .min(1)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Shanghai');

const stamps = { createdAt: timestamp, updatedAt: timestamp, archivedAt: archived };

export const sizeGradeSchema = z.enum(['small', 'medium', 'large', 'extra_large']);

export const districtSchema = z.object({
  id: z.uuid(),
  cityId: z.uuid(),
  name,
  adminCode,
  ...stamps,
});
export type District = z.infer<typeof districtSchema>;
export const districtCreate = z.strictObject({ cityId: z.uuid(), name, adminCode });
export const districtUpdate = z.strictObject({ name, adminCode }).partial();

export const kindergartenSchema = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  name,
  address: z.string(),
  type: kindergartenTypeSchema,
  childrenCount: z.number().int(),
  sizeGrade: sizeGradeSchema,
  timezone: z.string(),
  ...stamps,
});
export type Kindergarten = z.infer<typeof kindergartenSchema>;
const kindergartenFields = {
  name,
  address: z.string().trim().min(1, 'must not be empty').max(200, 'is too long'),
  type: kindergartenTypeSchema,
  childrenCount: z.number().int().min(0, 'must not be negative').max(10_000),
  timezone,
};
export const kindergartenCreate = z.strictObject({
  districtId: z.uuid(),
  ...kindergartenFields,
  timezone: timezone.optional(),
});
export const kindergartenUpdate = z.strictObject(kindergartenFields).partial();

export const buildingSchema = z.object({ id: z.uuid(), kindergartenId: z.uuid(), name, ...stamps });
export type Building = z.infer<typeof buildingSchema>;
export const buildingCreate = z.strictObject({ kindergartenId: z.uuid(), name });
export const buildingUpdate = z.strictObject({ name }).partial();

const level = z.number().int().min(-10).max(200);
export const floorSchema = z.object({ id: z.uuid(), buildingId: z.uuid(), name, level, ...stamps });
export type Floor = z.infer<typeof floorSchema>;

/** Derived from the kind; a request that tries to set it is refused, naming the field. */
const neverFilmedInput = z
  .never({ error: 'is derived from the kind (toilets, changing rooms) and cannot be set' })
  .optional();

export const areaSchema = z.object({
  id: z.uuid(),
  floorId: z.uuid(),
  name,
  kind: areaKindSchema,
  isKey: z.boolean(),
  neverFilmed: z.boolean(),
  ...stamps,
});
export type Area = z.infer<typeof areaSchema>;
const areaFields = {
  name,
  kind: areaKindSchema,
  /** Defaults by kind (gates, perimeter, entrances, corridors, stairs, kitchen, playground). */
  isKey: z.boolean().optional(),
  neverFilmed: neverFilmedInput,
};
export const areaCreate = z.strictObject({ floorId: z.uuid(), ...areaFields });
export const areaUpdate = z.strictObject(areaFields).partial();
/** A floor may be created together with its areas, all or nothing. */
export const floorCreate = z.strictObject({
  buildingId: z.uuid(),
  name,
  level,
  areas: z.array(z.strictObject(areaFields)).max(200).optional(),
});
export const floorUpdate = z.strictObject({ name, level }).partial();

const kindergartenListQuery = z.object({ districtId: z.uuid().optional(), includeArchived });
const buildingListQuery = z.object({ kindergartenId: z.uuid(), includeArchived });
const floorListQuery = z.object({ buildingId: z.uuid(), includeArchived });
const areaListQuery = z.object({ floorId: z.uuid(), includeArchived });
const districtListQuery = z.object({ includeArchived });

export const treeKindergartenSchema = z.object({
  id: z.uuid(),
  name,
  type: kindergartenTypeSchema,
  childrenCount: z.number().int(),
  sizeGrade: sizeGradeSchema,
  buildingCount: z.number().int(),
  areaCount: z.number().int(),
  keyAreaCount: z.number().int(),
});
export const treeDistrictSchema = z.object({
  id: z.uuid(),
  name,
  adminCode,
  kindergartenCount: z.number().int(),
  kindergartens: z.array(treeKindergartenSchema),
});
export const treeCitySchema = z.object({
  id: z.uuid(),
  name,
  adminCode,
  districtCount: z.number().int(),
  kindergartenCount: z.number().int(),
  districts: z.array(treeDistrictSchema),
});
export const orgTreeSchema = z.object({ cities: z.array(treeCitySchema) });
export type OrgTree = z.infer<typeof orgTreeSchema>;

const pageArea = areaSchema.omit({ createdAt: true, updatedAt: true, archivedAt: true });
const pageFloor = floorSchema
  .omit({ createdAt: true, updatedAt: true, archivedAt: true })
  .extend({ areas: z.array(pageArea) });
const pageBuilding = buildingSchema
  .omit({ createdAt: true, updatedAt: true, archivedAt: true })
  .extend({ floors: z.array(pageFloor) });
export const kindergartenPageSchema = z.object({
  kindergarten: kindergartenSchema,
  district: districtSchema.pick({ id: true, name: true, adminCode: true, cityId: true }),
  buildings: z.array(pageBuilding),
});
export type KindergartenPage = z.infer<typeof kindergartenPageSchema>;

interface LevelSpec<E extends z.ZodType, C extends z.ZodType, U extends z.ZodType> {
  path: string;
  tag: string;
  label: string;
  entity: E;
  create: C;
  update: U;
}

/** The six routes every level of the organisation has. */
function levelRoutes<
  E extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  Q extends z.ZodType,
>(spec: LevelSpec<E, C, U>, query: Q) {
  const base = { tags: [spec.tag] };
  const one = `${spec.path}/:id`;
  return {
    list: defineRoute({
      ...base,
      method: 'GET',
      path: spec.path,
      summary: `List ${spec.label}s`,
      query,
      response: z.object({ items: z.array(spec.entity) }),
    }),
    create: defineRoute({
      ...base,
      method: 'POST',
      path: spec.path,
      summary: `Create a ${spec.label}`,
      body: spec.create,
      response: spec.entity,
      status: 201,
    }),
    get: defineRoute({
      ...base,
      method: 'GET',
      path: one,
      summary: `One ${spec.label}`,
      params: idParams,
      response: spec.entity,
    }),
    update: defineRoute({
      ...base,
      method: 'PATCH',
      path: one,
      summary: `Change a ${spec.label}`,
      params: idParams,
      body: spec.update,
      response: spec.entity,
    }),
    archive: defineRoute({
      ...base,
      method: 'POST',
      path: `${one}/archive`,
      summary: `Archive a ${spec.label}`,
      params: idParams,
      response: spec.entity,
    }),
    restore: defineRoute({
      ...base,
      method: 'POST',
      path: `${one}/restore`,
      summary: `Restore an archived ${spec.label}`,
      params: idParams,
      response: spec.entity,
    }),
  } satisfies Record<string, RouteContract>;
}

export const orgRoutes = {
  tree: defineRoute({
    method: 'GET',
    path: '/api/org/tree',
    summary: 'City, districts and kindergartens the signed-in user may see, with counts',
    tags: ['org'],
    response: orgTreeSchema,
  }),
  kindergartenPage: defineRoute({
    method: 'GET',
    path: '/api/kindergartens/:id/page',
    summary: 'A kindergarten with its district, buildings, floors and areas',
    tags: ['org'],
    params: idParams,
    response: kindergartenPageSchema,
  }),
  districts: levelRoutes(
    {
      path: '/api/districts',
      tag: 'org',
      label: 'district',
      entity: districtSchema,
      create: districtCreate,
      update: districtUpdate,
    },
    districtListQuery,
  ),
  kindergartens: levelRoutes(
    {
      path: '/api/kindergartens',
      tag: 'org',
      label: 'kindergarten',
      entity: kindergartenSchema,
      create: kindergartenCreate,
      update: kindergartenUpdate,
    },
    kindergartenListQuery,
  ),
  buildings: levelRoutes(
    {
      path: '/api/buildings',
      tag: 'org',
      label: 'building',
      entity: buildingSchema,
      create: buildingCreate,
      update: buildingUpdate,
    },
    buildingListQuery,
  ),
  floors: levelRoutes(
    {
      path: '/api/floors',
      tag: 'org',
      label: 'floor',
      entity: floorSchema,
      create: floorCreate,
      update: floorUpdate,
    },
    floorListQuery,
  ),
  areas: levelRoutes(
    {
      path: '/api/areas',
      tag: 'org',
      label: 'area',
      entity: areaSchema,
      create: areaCreate,
      update: areaUpdate,
    },
    areaListQuery,
  ),
};
