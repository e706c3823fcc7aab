import { useMemo } from 'react';
import { useOrgTree } from './use-org-tree.ts';

export interface OrgOption {
  id: string;
  name: string;
  districtId: string;
}

/** Names and choices of the districts and kindergartens in sight, for forms and tables. */
export function useOrgNames() {
  const tree = useOrgTree();
  return useMemo(() => {
    const districts: OrgOption[] = [];
    const kindergartens: OrgOption[] = [];
    for (const city of tree.data?.cities ?? []) {
      for (const district of city.districts) {
        districts.push({ id: district.id, name: district.name, districtId: district.id });
        for (const kg of district.kindergartens) {
          kindergartens.push({ id: kg.id, name: kg.name, districtId: district.id });
        }
      }
    }
    const names = new Map([...districts, ...kindergartens].map((o) => [o.id, o.name]));
    return { districts, kindergartens, nameOf: (id: string) => names.get(id) ?? id };
  }, [tree.data]);
}
