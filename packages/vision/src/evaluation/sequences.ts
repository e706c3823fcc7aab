import type { RuleName, SceneFrame, ScenePerson, Zone } from '../behaviour/scene.ts';
import { CHILD_H, chest, lerp, person, reach } from './poser.ts';
import {
  adult,
  child,
  fallingChild,
  gate,
  handOnChild,
  indoor,
  perimeter,
  seatedChild,
  sequenceFrames,
  strike,
  twoFighting,
  walker,
  type Scene,
} from './scenes.ts';

export interface LabelledSequence {
  name: string;
  /** Rules that should fire on it; empty for ordinary activity. */
  expected: RuleName[];
  zones: Zone[];
  open: boolean;
  night: boolean;
  frames: SceneFrame[];
}

function sequence(
  name: string,
  expected: RuleName[],
  body: {
    fps: number;
    seconds: number;
    scene: Scene;
    zones?: Zone[];
    open?: boolean;
    night?: boolean;
  },
): LabelledSequence {
  const { fps, seconds, scene, zones = [], open = true, night = false } = body;
  return { name, expected, zones, open, night, frames: sequenceFrames(fps, seconds, scene) };
}

/** Constructed behaviours, one or more per rule. */
export function behaviourSequences(): LabelledSequence[] {
  return [
    sequence('slap to the head', ['striking'], {
      fps: 8,
      seconds: 3,
      scene: (t) => strike(t, 1, 1.25),
    }),
    sequence('slap at 5 fps', ['striking'], {
      fps: 5,
      seconds: 3,
      scene: (t) => strike(t, 1, 1.2),
    }),
    sequence('push', ['push-or-drag'], {
      fps: 8,
      seconds: 3,
      scene: (t) => handOnChild(lerp(425, 575, (t - 1.5) / 0.5), lerp(330, 470, (t - 1.5) / 0.5)),
    }),
    sequence('drag', ['push-or-drag'], {
      fps: 8,
      seconds: 3,
      scene: (t) => handOnChild(lerp(425, 125, (t - 1) / 1), lerp(330, 30, (t - 1) / 1)),
    }),
    sequence('rough lift', ['rough-lifting'], {
      fps: 8,
      seconds: 3,
      scene: (t) => handOnChild(425, 330, lerp(0, 0.8 * CHILD_H * 0.93, (t - 1) / 0.375)),
    }),
    sequence('child falls and lies still', ['child-fall'], {
      fps: 8,
      seconds: 8,
      scene: (t) => fallingChild(t, 1),
    }),
    sequence('child falls, 2 fps', ['child-fall'], {
      fps: 2,
      seconds: 8,
      scene: (t) => fallingChild(t, 1),
    }),
    sequence('child alone', ['child-alone'], {
      fps: 1,
      seconds: 90,
      scene: () => [person(2, true, child(420))],
    }),
    sequence('adults fighting', ['fighting'], {
      fps: 8,
      seconds: 3,
      scene: (t) => twoFighting(t, false),
    }),
    sequence('intruder at the fence', ['zone-intrusion'], {
      fps: 4,
      seconds: 6,
      scene: walker(300, 560, 2),
      zones: [perimeter],
    }),
    sequence('person indoors at night', ['zone-intrusion'], {
      fps: 2,
      seconds: 5,
      scene: walker(200, 300, 5),
      zones: [indoor],
      night: true,
      open: false,
    }),
    sequence('loitering at the gate', ['gate-loitering'], {
      fps: 1,
      seconds: 150,
      scene: walker(280, 320, 150),
      zones: [gate],
    }),
  ];
}

/** Ordinary kindergarten life that looks like a behaviour and must raise nothing. */
export function lookAlikeSequences(): LabelledSequence[] {
  const clap = (t: number): ScenePerson[] => {
    const a = adult(340);
    const target = { x: 340 + 15 * Math.abs(Math.sin(t * Math.PI * 3)), y: 270 };
    return [
      person(
        1,
        false,
        reach(reach(a, 'right', target), 'left', { x: 340 - (target.x - 340), y: 270 }),
      ),
      person(2, true, child(440)),
    ];
  };
  const dance = (t: number): ScenePerson[] => {
    const swing = 90 + 60 * Math.sin(t * Math.PI * 2);
    const a = adult(300 + 20 * Math.sin(t * Math.PI), {
      leftArm: [-swing, -swing],
      rightArm: [swing, swing],
    });
    return [
      person(1, false, a),
      person(
        2,
        true,
        child(450 - 20 * Math.sin(t * Math.PI), {
          leftArm: [-swing, -swing],
          rightArm: [swing, swing],
        }),
      ),
    ];
  };
  const hug = (t: number): ScenePerson[] => {
    const kid = child(425);
    const a = adult(lerp(250, 330, t / 1.5), { torsoDeg: lerp(0, 25, t / 1.5) });
    const k = (t - 1.5) / 1.5;
    const hands = chest(kid);
    const spec =
      t < 1.5
        ? a
        : reach(reach(a, 'right', { x: lerp(hands.x - 60, hands.x, k), y: hands.y }), 'left', {
            x: lerp(hands.x - 60, hands.x - 10, k),
            y: hands.y,
          });
    return [person(1, false, spec), person(2, true, kid)];
  };
  const tidy = (t: number): ScenePerson[] => {
    const a = adult(300, { torsoDeg: 70, hip: { x: 300, y: 360 } });
    const target = { x: 400 + 40 * Math.sin(t * 2.5), y: 490 };
    return [
      person(1, false, reach(a, 'right', target)),
      person(2, true, child(480 + 10 * Math.sin(t))),
    ];
  };
  const handInHand = (t: number): ScenePerson[] => {
    const x = 100 + 150 * t;
    const kid = child(x + 70);
    return [person(1, false, reach(adult(x), 'right', chest(kid))), person(2, true, kid)];
  };
  return [
    sequence('clapping', [], { fps: 8, seconds: 4, scene: clap }),
    sequence('dancing', [], { fps: 8, seconds: 4, scene: dance }),
    sequence('hugging', [], { fps: 8, seconds: 4, scene: hug }),
    sequence('tidying up', [], { fps: 8, seconds: 4, scene: tidy }),
    sequence('children play-fighting', [], {
      fps: 8,
      seconds: 3,
      scene: (t) => twoFighting(t, true),
    }),
    sequence('sitting down', [], { fps: 8, seconds: 7, scene: (t) => seatedChild(t, 1, 99, 1) }),
    sequence('lying down for a nap', [], {
      fps: 8,
      seconds: 10,
      scene: (t) => seatedChild(t, 1, 2.5, 2),
    }),
    sequence('stumble and get up', [], { fps: 8, seconds: 8, scene: (t) => fallingChild(t, 1, 3) }),
    sequence('gentle lift', [], {
      fps: 8,
      seconds: 4,
      scene: (t) => handOnChild(425, 330, lerp(0, 0.8 * CHILD_H * 0.93, (t - 1) / 2)),
    }),
    sequence('walking hand in hand', [], { fps: 8, seconds: 3, scene: handInHand }),
    sequence('child with a teacher', [], {
      fps: 1,
      seconds: 90,
      scene: () => [person(1, false, adult(150)), person(2, true, child(420))],
    }),
    sequence('child alone after closing', [], {
      fps: 1,
      seconds: 90,
      open: false,
      scene: () => [person(2, true, child(420))],
    }),
    sequence('walking past the fence', [], {
      fps: 4,
      seconds: 6,
      scene: walker(200, 470, 6),
      zones: [perimeter],
    }),
    sequence('person indoors by day', [], {
      fps: 2,
      seconds: 5,
      scene: walker(200, 300, 5),
      zones: [indoor],
    }),
    sequence('parent passing the gate', [], {
      fps: 1,
      seconds: 40,
      scene: walker(100, 500, 20),
      zones: [gate],
    }),
    sequence('parent waiting at the gate', [], {
      fps: 1,
      seconds: 90,
      scene: (t) => (t < 60 ? walker(280, 300, 60)(t) : walker(300, 600, 10)(t - 60)),
      zones: [gate],
    }),
  ];
}
