/**
 * The arrows the state diagram lights: exactly the transitions an instance went through since its
 * last action — the action's own arrow from the state it began in, then the automatic completions up
 * to the state it is in now (terminate from Stopped: stopped → shutting-down → terminated, never a
 * path through running). The moves come from the rule the engine applies
 * (shared/rules/instance-transitions.ts); an origin the console did not see lights only what is certain.
 */
import type { InstanceStateName } from '@aws-sdk/client-ec2';
import { COMPLETIONS, TRANSITIONS } from '../../../shared/rules/instance-transitions';
import type { LifecycleAction } from './instance-lifecycle';
import { EDGES, type DiagramEdge } from './state-diagram-layout';

function edgeOf(from: InstanceStateName | undefined, to: InstanceStateName, action?: LifecycleAction) {
  return EDGES.find((edge) => edge.from === from && edge.to === to && edge.action === action);
}

/** Where the action took the instance, and the action's arrow if the diagram has one. */
function actionStep(
  action: LifecycleAction,
  from: InstanceStateName | undefined,
  current: InstanceStateName,
): { to: InstanceStateName; edge?: DiagramEdge } | undefined {
  if (action === 'launch') return { to: 'pending', edge: EDGES.find((edge) => edge.action === 'launch') };
  if (action === 'shutdown') {
    // A shutdown from inside the OS stops or terminates by the shutdown behavior; the diagram has no arrow for it.
    return { to: current === 'stopping' || current === 'stopped' ? 'stopping' : 'shutting-down' };
  }
  if (!from) return undefined;
  const outcome = TRANSITIONS[action][from];
  if (outcome.kind === 'reboot') return { to: 'running', edge: edgeOf('running', 'running', 'reboot') };
  if (outcome.kind === 'noop') return { to: from };
  if (outcome.kind === 'begin') return { to: outcome.to, edge: edgeOf(from, outcome.to, action) };
  return undefined;
}

/** Ids of the arrows taken, in order; empty when the state does not follow from the action. */
export function takenEdges(
  action: LifecycleAction | undefined,
  from: InstanceStateName | undefined,
  current: InstanceStateName | undefined,
): string[] {
  if (!action || !current) return [];
  const step = actionStep(action, from, current);
  if (!step) {
    // The origin is unknown: only the last automatic step into a settled state is certain.
    const before = (Object.keys(COMPLETIONS) as InstanceStateName[]).find((state) => COMPLETIONS[state] === current);
    const edge = before && edgeOf(before, current);
    return edge ? [edge.id] : [];
  }
  const taken = step.edge ? [step.edge.id] : [];
  let state = step.to;
  while (state !== current) {
    const next = COMPLETIONS[state];
    if (!next) return [];
    const edge = edgeOf(state, next);
    if (edge) taken.push(edge.id);
    state = next;
  }
  return taken;
}

/** The states along the taken path, for the diagram's description: e.g. stopped → shutting-down → terminated. */
export function takenStates(edgeIds: readonly string[]): InstanceStateName[] {
  const states: InstanceStateName[] = [];
  for (const id of edgeIds) {
    const edge = EDGES.find((candidate) => candidate.id === id);
    if (!edge) continue;
    if (edge.from && states.at(-1) !== edge.from) states.push(edge.from);
    if (states.at(-1) !== edge.to) states.push(edge.to);
  }
  return states;
}
