/** The desktop door's two IPC channels: calls go in on one, engine events come out on the other. */
export const CALL_CHANNEL = 'ec2lab:call';
export const EVENT_CHANNEL = 'ec2lab:event';
