/** The tenant's people as the API has them now, for summaries that need what a plan lacks. */
import type { CallplaneClient } from "@callplane/sdk";
import type { LiveTeam } from "./summary/roles.js";

export async function fetchLiveTeam(client: CallplaneClient): Promise<LiveTeam> {
  const [users, pending] = await Promise.all([client.users.list().toArray(), client.invitations.list({ status: "pending" }).toArray()]);
  return {
    users: new Map(users.map((u) => [u.email.toLowerCase(), u.role])),
    pending: new Map(pending.map((i) => [i.email.toLowerCase(), i.role])),
  };
}
