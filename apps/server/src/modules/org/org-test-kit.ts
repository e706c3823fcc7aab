import type { TestApp } from '../../../test/test-platform.ts';
import {
  createUser,
  seedTestOrg,
  signIn,
  type SignedIn,
  type TestOrg,
} from '../../../test/sign-in.ts';

export interface OrgKit {
  org: TestOrg;
  admin: SignedIn;
  /** Principal of `org.kindergartenId`. */
  principal: SignedIn;
  /** Principal of `org.otherKindergartenId`. */
  otherPrincipal: SignedIn;
  parent: SignedIn;
  call: (
    user: SignedIn | null,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
  ) => Promise<{ status: number; body: Record<string, unknown> & { items?: unknown[] } }>;
}

/** A test city, one user per role the organisation tests need, and a JSON caller. */
export async function orgKit(t: TestApp): Promise<OrgKit> {
  const org = await seedTestOrg(t.platform);
  const kg = { kindergartenId: org.kindergartenId };
  await createUser(t.platform, { role: 'city_admin', username: 'admin' });
  await createUser(t.platform, { role: 'principal', username: 'head', ...kg });
  await createUser(t.platform, {
    role: 'principal',
    username: 'other-head',
    kindergartenId: org.otherKindergartenId,
  });
  await createUser(t.platform, { role: 'parent', username: 'mum', ...kg });

  const call: OrgKit['call'] = async (user, method, url, payload) => {
    const response = await t.app.inject({
      method,
      url,
      headers: user?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.json() };
  };
  return {
    org,
    admin: await signIn(t.app, 'admin'),
    principal: await signIn(t.app, 'head'),
    otherPrincipal: await signIn(t.app, 'other-head'),
    parent: await signIn(t.app, 'mum'),
    call,
  };
}
