// Worker entry: the Hono app and the UserDO class.
import { app } from "./app.ts";

export { UserDO } from "../durable/user-do.ts";
export default app;
