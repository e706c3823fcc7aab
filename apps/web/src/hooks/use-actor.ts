import type { Actor } from '@gardenwatch/contracts';
import { createContext, useContext } from 'react';

export const ActorContext = createContext<Actor | null>(null);

/** The signed-in user, inside the console shell (which is only shown when someone is signed in). */
export function useActor(): Actor {
  const actor = useContext(ActorContext);
  if (actor === null) throw new Error('useActor outside the signed-in shell');
  return actor;
}
