/** Discord's Administrator permission bit. */
export const ADMINISTRATOR = 1n << 3n;
/** Discord's Manage Server permission bit: the default required for /case-admin. */
export const MANAGE_GUILD = 1n << 5n;

export interface AdminCheck {
  /** The member's permissions in the channel, or null when Discord sent none (a DM). */
  readonly permissions: bigint | null;
  readonly roleIds: readonly string[];
  /** Roles configured with MOD_ROLE_IDS. */
  readonly modRoleIds: readonly string[];
}

/**
 * Whether a member may run /case-admin. Checked at run time because server admins can override
 * the command's default permissions, in both directions.
 *
 * @example
 * canAdminister({ permissions: 1n << 5n, roleIds: [], modRoleIds: [] }); // true
 */
export function canAdminister({ permissions, roleIds, modRoleIds }: AdminCheck): boolean {
  if (permissions !== null && ((permissions & ADMINISTRATOR) !== 0n || (permissions & MANAGE_GUILD) !== 0n)) {
    return true;
  }
  return roleIds.some((id) => modRoleIds.includes(id));
}
