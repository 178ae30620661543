/**
 * Where the lifecycle diagram draws each state and arrow (EC2 User Guide: ec2-instance-lifecycle):
 * launch → pending → running; stop/hibernate → stopping → stopped; start → pending;
 * reboot stays running; terminate → shutting-down → terminated (from running or stopped as AWS draws
 * it, and from pending or stopping, which AWS allows but does not draw).
 */
import type { InstanceStateName } from '@aws-sdk/client-ec2';
import type { LifecycleAction } from './instance-lifecycle';

export const NODE_WIDTH = 132;
export const NODE_HEIGHT = 40;
export const VIEW_BOX = '0 0 760 340';
export const START_POINT = { x: 24, y: 90 };

export interface DiagramNode {
  state: InstanceStateName;
  x: number;
  y: number;
}

export interface DiagramEdge {
  id: string;
  /** The user action the arrow stands for; automatic steps have none. */
  action?: LifecycleAction;
  from?: InstanceStateName;
  to: InstanceStateName;
  path: string;
  label?: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
  /** A move AWS allows but its lifecycle diagram leaves out: drawn only when it is the path taken. */
  drawnOnlyWhenTaken?: boolean;
}

export const NODES: DiagramNode[] = [
  { state: 'pending', x: 180, y: 90 },
  { state: 'running', x: 410, y: 90 },
  { state: 'stopping', x: 640, y: 90 },
  { state: 'stopped', x: 640, y: 200 },
  { state: 'shutting-down', x: 410, y: 300 },
  { state: 'terminated', x: 180, y: 300 },
];

export const EDGES: DiagramEdge[] = [
  {
    id: 'launch',
    action: 'launch',
    to: 'pending',
    path: 'M 30 90 L 110 90',
    label: { x: 70, y: 80, anchor: 'middle' },
  },
  { id: 'pending-running', from: 'pending', to: 'running', path: 'M 246 90 L 340 90' },
  {
    id: 'reboot',
    action: 'reboot',
    from: 'running',
    to: 'running',
    path: 'M 390 70 C 380 28, 440 28, 430 66',
    label: { x: 410, y: 26, anchor: 'middle' },
  },
  {
    id: 'stop',
    action: 'stop',
    from: 'running',
    to: 'stopping',
    path: 'M 476 82 L 570 82',
    label: { x: 523, y: 74, anchor: 'middle' },
  },
  {
    id: 'hibernate',
    action: 'hibernate',
    from: 'running',
    to: 'stopping',
    path: 'M 476 100 L 570 100',
    label: { x: 523, y: 118, anchor: 'middle' },
  },
  { id: 'stopping-stopped', from: 'stopping', to: 'stopped', path: 'M 640 110 L 640 176' },
  {
    id: 'start',
    action: 'start',
    from: 'stopped',
    to: 'pending',
    path: 'M 574 200 L 180 200 L 180 114',
    label: { x: 300, y: 194, anchor: 'middle' },
  },
  {
    id: 'terminate-running',
    action: 'terminate',
    from: 'running',
    to: 'shutting-down',
    path: 'M 410 110 L 410 276',
    label: { x: 418, y: 250, anchor: 'start' },
  },
  {
    id: 'terminate-stopped',
    action: 'terminate',
    from: 'stopped',
    to: 'shutting-down',
    path: 'M 620 220 L 480 286',
    label: { x: 560, y: 270, anchor: 'start' },
  },
  {
    id: 'terminate-pending',
    action: 'terminate',
    from: 'pending',
    to: 'shutting-down',
    path: 'M 200 110 L 366 278',
    label: { x: 262, y: 150, anchor: 'start' },
    drawnOnlyWhenTaken: true,
  },
  {
    id: 'terminate-stopping',
    action: 'terminate',
    from: 'stopping',
    to: 'shutting-down',
    path: 'M 586 110 L 462 278',
    label: { x: 540, y: 150, anchor: 'end' },
    drawnOnlyWhenTaken: true,
  },
  { id: 'shutting-down-terminated', from: 'shutting-down', to: 'terminated', path: 'M 344 300 L 250 300' },
];
