import { parseUserDirect, type Directory } from '../config/user-direct';
import type { MemberResources } from './guest-types';

/** The member's directory, or null when the scenario has none (or it does not parse). */
export function memberDirectory(res: MemberResources): Directory | null {
	if (res.logon.directory === null) return null;
	const r = parseUserDirect(res.logon.directory);
	return r.ok ? r.value : null;
}
