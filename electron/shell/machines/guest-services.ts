/**
 * What answers on an instance's ports, for the laptop's clients (ssh, curl, nc): sshd on 22 once
 * the instance has booted, and whatever the learner started inside it (a web server on 80 after
 * `systemctl start httpd`). Whether the packets get there at all is the reachability gate's
 * question (security groups, routes, ACLs); this is the instance's side.
 */

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface GuestServices {
  /** Whether a process listens on the port (tcp/udp) of a running instance. */
  listening(instanceId: string, protocol: 'tcp' | 'udp', port: number): boolean;
  /** An HTTP request answered by the instance's web server on that port, or undefined if none listens. */
  http(instanceId: string, port: number, method: string, path: string): HttpAnswer | undefined;
}

/** Before the guest layer adds its services: sshd listens on 22 and nothing else does. */
export const SSHD_ONLY: GuestServices = {
  listening: (_instanceId, protocol, port) => protocol === 'tcp' && port === 22,
  http: () => undefined,
};
