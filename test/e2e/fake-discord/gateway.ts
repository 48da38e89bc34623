/**
 * The fake gateway: HELLO → IDENTIFY → READY + GUILD_CREATE per guild of the shard, heartbeats,
 * RESUME (replaying dispatches the client missed), and dispatch routing to the shard owning a guild.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EventEmitter } from 'node:events';
import { WebSocket, type RawData } from 'ws';
import { type ApplicationFlags, GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import type {
  APIUser,
  GatewayDispatchPayload,
  GatewayHeartbeatAck,
  GatewayHello,
  GatewayInvalidSession,
  GatewayReconnect,
  GatewayReadyDispatch,
  Snowflake,
} from 'discord-api-types/v10';
import { guildCreate, shardForGuild, type FakeGuild } from './payloads.js';
import { isRecord, numberField, stringField } from './util.js';

/** What a client sent in IDENTIFY. */
export interface IdentifyRecord {
  at: number;
  token: string;
  intents: number;
  shard: [number, number];
  properties: Record<string, unknown>;
  compress: boolean;
  sessionId: string;
}

/** What a client sent in RESUME, and whether the fake accepted it. */
export interface ResumeRecord {
  at: number;
  token: string;
  sessionId: string;
  seq: number | null;
  accepted: boolean;
  replayed: number;
}

/** One WebSocket connection as the fake saw it. */
export interface ConnectionRecord {
  at: number;
  /** Query string of the upgrade request (`v`, `encoding`, `compress`). */
  query: Record<string, string>;
}

interface Session {
  id: string;
  shardId: number;
  shardCount: number;
  seq: number;
  history: GatewayDispatchPayload[];
  socket: WebSocket | null;
  createdAt: number;
}

export interface GatewayConfig {
  url: string;
  heartbeatIntervalMs: number;
  guilds: FakeGuild[];
  botUser: APIUser;
  applicationId: Snowflake;
  applicationFlags: ApplicationFlags;
  /** When set, IDENTIFY/RESUME with another token is closed with 4004. */
  token: string | undefined;
  events: EventEmitter;
}

export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly connections: ConnectionRecord[] = [];
  /** Count of heartbeats received (all connections). */
  heartbeats = 0;
  /** Set to false to stop acknowledging heartbeats (discord.js then treats the connection as a zombie). */
  ackHeartbeats = true;
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly config: GatewayConfig) {}

  /** Accepts a new socket from the WebSocket server. */
  accept(socket: WebSocket, request: IncomingMessage): void {
    const query = Object.fromEntries(new URL(request.url ?? '/', 'http://fake').searchParams);
    this.connections.push({ at: Date.now(), query });
    this.sockets.add(socket);
    let session: Session | null = null;
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (session && session.socket === socket) session.socket = null;
      this.config.events.emit('gateway');
    });
    socket.on('error', () => undefined);
    if ((query['v'] ?? '10') !== '10' || (query['encoding'] ?? 'json') !== 'json') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'fake-discord speaks v=10&encoding=json only');
      return;
    }
    const hello: GatewayHello = {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.config.heartbeatIntervalMs },
      s: null,
      t: null,
    };
    socket.send(JSON.stringify(hello));
    socket.on('message', (data: RawData) => {
      let payload: unknown;
      try {
        payload = JSON.parse(data.toString());
      } catch {
        socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      if (!isRecord(payload)) return;
      const d = isRecord(payload['d']) ? payload['d'] : undefined;
      switch (payload['op']) {
        case GatewayOpcodes.Heartbeat: {
          this.heartbeats += 1;
          if (this.ackHeartbeats) {
            const ack: GatewayHeartbeatAck = { op: GatewayOpcodes.HeartbeatAck, d: undefined, s: null, t: null };
            socket.send(JSON.stringify(ack));
          }
          this.config.events.emit('gateway');
          break;
        }
        case GatewayOpcodes.Identify: {
          if (session) {
            socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
            return;
          }
          session = this.identify(socket, d);
          break;
        }
        case GatewayOpcodes.Resume: {
          session = this.resume(socket, d);
          break;
        }
        default:
          break;
      }
    });
  }

  private identify(socket: WebSocket, d: Record<string, unknown> | undefined): Session | null {
    const token = stringField(d, 'token') ?? '';
    if (this.config.token !== undefined && token !== this.config.token) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return null;
    }
    const rawShard = d?.['shard'];
    const shard: [number, number] =
      Array.isArray(rawShard) && typeof rawShard[0] === 'number' && typeof rawShard[1] === 'number' ? [rawShard[0], rawShard[1]] : [0, 1];
    if (shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
      socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return null;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shardId: shard[0],
      shardCount: shard[1],
      seq: 0,
      history: [],
      socket,
      createdAt: Date.now(),
    };
    this.sessions.set(session.id, session);
    this.identifies.push({
      at: Date.now(),
      token,
      intents: numberField(d, 'intents') ?? 0,
      shard,
      properties: isRecord(d?.['properties']) ? d['properties'] : {},
      compress: d?.['compress'] === true,
      sessionId: session.id,
    });
    const guilds = this.guildsOf(session);
    const ready: GatewayReadyDispatch = {
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Ready,
      s: 0,
      d: {
        v: 10,
        user: this.config.botUser,
        guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
        session_id: session.id,
        resume_gateway_url: this.config.url,
        shard,
        application: {
          id: this.config.applicationId,
          flags: this.config.applicationFlags,
          flags_new: String(this.config.applicationFlags),
        },
      },
    };
    this.dispatch(session, ready);
    for (const guild of guilds) {
      this.dispatch(session, {
        op: GatewayOpcodes.Dispatch,
        t: GatewayDispatchEvents.GuildCreate,
        s: 0,
        d: guildCreate(guild, this.config.botUser),
      });
    }
    this.config.events.emit('gateway');
    return session;
  }

  private resume(socket: WebSocket, d: Record<string, unknown> | undefined): Session | null {
    const token = stringField(d, 'token') ?? '';
    const sessionId = stringField(d, 'session_id') ?? '';
    const seq = numberField(d, 'seq') ?? null;
    const session = this.sessions.get(sessionId);
    const accepted = session !== undefined && (this.config.token === undefined || token === this.config.token);
    const missed = accepted ? session.history.filter((payload) => payload.s > (seq ?? 0)) : [];
    this.resumes.push({ at: Date.now(), token, sessionId, seq, accepted, replayed: missed.length });
    if (!accepted) {
      const invalid: GatewayInvalidSession = { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null };
      socket.send(JSON.stringify(invalid));
      this.config.events.emit('gateway');
      return null;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    for (const payload of missed) socket.send(JSON.stringify(payload));
    this.dispatch(session, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: 0, d: undefined });
    this.config.events.emit('gateway');
    return session;
  }

  private guildsOf(session: Session): FakeGuild[] {
    return this.config.guilds.filter((guild) => shardForGuild(guild.id, session.shardCount) === session.shardId);
  }

  /** Stamps the next sequence number, keeps the payload for RESUME replay, and sends it if connected. */
  private dispatch(session: Session, payload: GatewayDispatchPayload): void {
    session.seq += 1;
    const stamped: GatewayDispatchPayload = { ...payload, s: session.seq };
    session.history.push(stamped);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(stamped));
  }

  /** The connected session that owns `guildId` (shard 0 for DMs), newest first. */
  liveSessionFor(guildId: Snowflake | undefined): Session | undefined {
    const live = [...this.sessions.values()]
      .filter((session) => session.socket?.readyState === WebSocket.OPEN)
      .sort((a, b) => b.createdAt - a.createdAt);
    return live.find((session) =>
      guildId === undefined ? session.shardId === 0 : shardForGuild(guildId, session.shardCount) === session.shardId,
    );
  }

  /** Sends a dispatch (its `s` is replaced) to a session (see `liveSessionFor`). Returns the sequence number used. */
  send(session: Session, payload: GatewayDispatchPayload): number {
    this.dispatch(session, payload);
    return session.seq;
  }

  /** Closes every gateway socket: `1006` terminates without a close frame, other codes send one. */
  closeAll(code: number, reason = 'fake-discord closeGateway'): void {
    for (const socket of this.sockets) {
      if (code === 1006) socket.terminate();
      else socket.close(code, reason);
    }
  }

  /** Sends opcode 7 RECONNECT to every socket (discord.js then resumes). */
  requestReconnect(): void {
    const reconnect: GatewayReconnect = { op: GatewayOpcodes.Reconnect, d: undefined, s: null, t: null };
    for (const socket of this.sockets) socket.send(JSON.stringify(reconnect));
  }

  /** Forgets every session: later RESUMEs get INVALID_SESSION(false) and the client identifies again. */
  invalidateSessions(): void {
    this.sessions.clear();
  }

  /** Number of currently open sockets. */
  get openSockets(): number {
    return this.sockets.size;
  }

  terminateAll(): void {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
  }
}
