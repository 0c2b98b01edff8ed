// The Hono environment shared by every route: bindings, the caller's identity and language.

import type { Platform } from "../durable/upstream-client.ts";
import type { UserDO } from "../durable/user-do.ts";

export type Lang = "en" | "zh";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    userId: string;
    /** the API key the request came with (its webhook secret signs the exports it starts); unset for cookies */
    keyId?: string;
    platform: Platform;
    lang: Lang;
    user: DurableObjectStub<UserDO>;
  };
}
