// Anonymous users, their bearer tokens and credit balances, kept in users.json.
import { randomBytes } from "node:crypto";
import type { Credits } from "../../core/contract.ts";
import type { JsonFiles } from "./json-files.ts";

export const TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface UserRecord {
  id: string;
  clientId: string;
  createdAt: number;
  available: number;
  frozen: number;
}

interface TokenRecord {
  userId: string;
  expiresAt: number;
}

interface Issued {
  token: string;
  expiresAt: number;
  user: UserRecord;
}

interface UsersFile {
  users: Record<string, UserRecord>;
  /** token → owner; one live token per user */
  tokens: Record<string, TokenRecord>;
}

const FILE = "users.json";

export interface TokenPolicy {
  initialCredits: number;
  /** a second request while a token is live is refused (the upstream's 429) instead of answered with it */
  oneTokenPerClient: boolean;
}

export class UserStore {
  private constructor(
    private readonly files: JsonFiles,
    private readonly data: UsersFile,
    private readonly policy: TokenPolicy,
  ) {}

  static async open(files: JsonFiles, policy: TokenPolicy): Promise<UserStore> {
    const data = (await files.read<UsersFile>(FILE)) ?? { users: {}, tokens: {} };
    // A hold belongs to a chat turn, and no turn outlives the process that ran it.
    for (const user of Object.values(data.users)) {
      user.available += user.frozen;
      user.frozen = 0;
    }
    return new UserStore(files, data, policy);
  }

  /**
   * The upstream allows one anonymous token per client id per 7 days and answers 429 to a second request.
   * Unless the policy says so, a second request gets the same live token back instead; an expired token is
   * replaced, and the user (and their credits) stays the same.
   */
  issueToken(clientId: string, now = Date.now()): Issued | "rate-limited" {
    const user = this.userByClient(clientId) ?? this.createUser(clientId, now);
    for (const [token, rec] of Object.entries(this.data.tokens)) {
      if (rec.userId !== user.id) continue;
      if (rec.expiresAt > now)
        return this.policy.oneTokenPerClient ? "rate-limited" : { token, expiresAt: rec.expiresAt, user };
      delete this.data.tokens[token];
    }
    const token = `nmv_usr_${randomBytes(24).toString("hex")}`;
    const expiresAt = now + TOKEN_TTL_MS;
    this.data.tokens[token] = { userId: user.id, expiresAt };
    this.save();
    return { token, expiresAt, user };
  }

  /** The token's user, or undefined when the token is unknown or expired. */
  authenticate(token: string, now = Date.now()): UserRecord | undefined {
    const rec = Object.hasOwn(this.data.tokens, token) ? this.data.tokens[token] : undefined;
    if (!rec || rec.expiresAt <= now) return undefined;
    return this.data.users[rec.userId];
  }

  credits(user: UserRecord): Credits {
    return { available: user.available, frozen: user.frozen, total: user.available + user.frozen };
  }

  /** Moves `amount` from available to frozen; false when the balance cannot cover it. */
  freeze(user: UserRecord, amount: number): boolean {
    if (user.available < amount) return false;
    user.available -= amount;
    user.frozen += amount;
    this.save();
    return true;
  }

  /** Ends a hold: the frozen amount is spent (`charge`) or given back. */
  settle(user: UserRecord, amount: number, charge: boolean): void {
    user.frozen -= amount;
    if (!charge) user.available += amount;
    this.save();
  }

  private userByClient(clientId: string): UserRecord | undefined {
    return Object.values(this.data.users).find((u) => u.clientId === clientId);
  }

  private createUser(clientId: string, now: number): UserRecord {
    const user: UserRecord = {
      id: `anon_${randomBytes(8).toString("hex")}`,
      clientId,
      createdAt: now,
      available: this.policy.initialCredits,
      frozen: 0,
    };
    this.data.users[user.id] = user;
    return user;
  }

  private save(): void {
    void this.files.write(FILE, this.data);
  }
}
