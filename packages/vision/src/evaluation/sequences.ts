import type { RuleName, SceneFrame, ScenePerson, Zone } from '../behaviour/scene.ts';
import type { PoseSpec } from '../testing/skeleton.ts';
import { CHILD_H, chest, headOf, lerp, person, reach, standingHip } from './poser.ts';

export interface LabelledSequence {
  name: string;
  /** Rules that should fire on it; empty for ordinary activity. */
  expected: RuleName[];
  zones: Zone[];
  open: boolean;
  night: boolean;
  frames: SceneFrame[];
}

type Scene = (t: number) => ScenePerson[];

function frames(fps: number, seconds: number, scene: Scene): SceneFrame[] {
  return Array.from({ length: Math.round(fps * seconds) }, (_, i) => ({
    timestampMs: Math.round((i * 1000) / fps),
    people: scene(i / fps),
  }));
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
  return { name, expected, zones, open, night, frames: frames(fps, seconds, scene) };
}

const child = (x: number, extra: Partial<PoseSpec> = {}): PoseSpec => ({
  hip: standingHip(x, true),
  heightPx: CHILD_H,
  child: true,
  ...extra,
});
const adult = (x: number, extra: Partial<PoseSpec> = {}): PoseSpec => ({
  hip: standingHip(x, false),
  heightPx: 300,
  ...extra,
});

/** Adult (id 1) swings an arm from above the head down onto the child's (id 2) head. */
function strike(t: number, raisedAt: number, hitAt: number): ScenePerson[] {
  const kid = child(420);
  const grown = adult(340);
  const raised = { ...grown, rightArm: [160, 160] as const };
  const spec = t < raisedAt ? grown : t < hitAt ? raised : reach(grown, 'right', headOf(kid));
  return [person(1, false, spec), person(2, true, kid)];
}

/** Adult leaning over the child with a hand on the child's chest while the child moves. */
function handOnChild(kidX: number, adultX: number, kidRise = 0): ScenePerson[] {
  const hip = standingHip(kidX, true);
  const kid = child(kidX, { hip: { x: hip.x, y: hip.y - kidRise } });
  const grown = adult(adultX, { torsoDeg: 25 });
  const holding = reach(reach(grown, 'right', chest(kid)), 'left', chest(kid));
  return [person(1, false, holding), person(2, true, kid)];
}

function fallingChild(t: number, fallAt: number, getUpAt = Infinity): ScenePerson[] {
  const k = (t - fallAt) / 0.5;
  const up = child(420);
  if (t < fallAt || t >= getUpAt) return [person(2, true, up)];
  const lying = {
    hip: { x: 420, y: lerp(up.hip.y, 490, k) },
    torsoDeg: lerp(0, 85, k),
    leftLeg: [lerp(-3, -85, k), lerp(0, -88, k)] as const,
    rightLeg: [lerp(3, -80, k), lerp(0, -85, k)] as const,
  };
  return [person(2, true, child(420, lying))];
}

function seatedChild(t: number, sitAt: number, lieFrom: number, lieSeconds: number): ScenePerson[] {
  const standing = child(420).hip.y;
  const sit = (t - sitAt) / 1.2;
  const lie = (t - lieFrom) / lieSeconds;
  const spec = child(420, {
    hip: { x: 420, y: lerp(standing, 480, sit) + lerp(0, 10, lie) },
    torsoDeg: lerp(0, 85, lie),
    leftLeg: [lerp(-3, -80, sit), lerp(0, -85, sit)] as const,
    rightLeg: [lerp(3, -75, sit), lerp(0, -80, sit)] as const,
  });
  return [person(2, true, spec)];
}

function twoFighting(t: number, children: boolean): ScenePerson[] {
  const make = children ? child : adult;
  const a = make(children ? 380 : 330);
  const b = make(children ? 470 : 450);
  const phase = Math.floor(t * 4) % 4;
  const aSpec =
    phase === 1 ? reach(a, 'right', headOf(b)) : { ...a, rightArm: [-150, -170] as const };
  const bSpec = phase === 3 ? reach(b, 'left', headOf(a)) : { ...b, leftArm: [150, 170] as const };
  return [person(1, children, aSpec), person(2, children, bSpec)];
}

const perimeter: Zone = {
  id: 'fence',
  kind: 'perimeter',
  polygon: [
    { x: 500, y: 420 },
    { x: 640, y: 420 },
    { x: 640, y: 560 },
    { x: 500, y: 560 },
  ],
};
const indoor: Zone = {
  id: 'room',
  kind: 'indoor',
  polygon: [
    { x: 0, y: 0 },
    { x: 640, y: 0 },
    { x: 640, y: 640 },
    { x: 0, y: 640 },
  ],
};
const gate: Zone = {
  id: 'gate',
  kind: 'gate',
  polygon: [
    { x: 200, y: 420 },
    { x: 400, y: 420 },
    { x: 400, y: 560 },
    { x: 200, y: 560 },
  ],
};

const walker = (from: number, to: number, seconds: number) => (t: number) => [
  person(1, false, adult(lerp(from, to, t / seconds))),
];

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
