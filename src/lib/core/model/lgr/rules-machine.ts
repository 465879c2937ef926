/**
 * Rules about the virtual machine itself (HCPRLE messages): its definition, its state, its
 * relocation domain and architecture, its processors and facilities (000 §3.3, §3.5, §3.6.1,
 * §3.7, App. A.1.4, A.1.6; 001 "Guest Configuration for Live Guest Relocation").
 */
import { HCPRL } from './messages';
import { numbered, textOnly, type RuleMeta } from './reason';
import type { EligibilityRule, Reason, RuleContext } from './rule-types';

const meta = (
	rule: RuleMeta['rule'],
	section: string,
	forcedBy?: RuleMeta['forcedBy']
): RuleMeta => ({ rule, group: 'machine', section, ...(forcedBy ? { forcedBy } : {}) });

const DOMAIN = meta('relocation-domain', '000 §3.5.1, §3.6.1, A.1.6', 'domain');
const ARCH = meta('architecture', '000 §3.5, §3.6.1, A.1.6', 'architecture');
const DSC = meta('disconnected', '000 §3.3, §3.7, Example 3-7');
const CHPIDV = meta('chpid-virtualization', '000 §3.6.2, A.1.4; 001 Guest Configuration');
const VMCF = meta('vmcf', '000 A.1.4');
const SINGLE = meta('single-configuration', '000 §3.3, §3.7; 001 Guest Configuration');
const ENABLED = meta('relocation-enabled', '000 §3.5.3');
const MACHINE = meta('machine-mode', '000 §3.3; 001 Guest Configuration');
const MIXED = meta('cpu-types-mixed', '000 §3.7');
const CPIFL = meta('cpu-types-cp-ifl', '000 §3.3; 001 Guest Configuration');
const TO_IFL = meta('cpu-cp-to-ifl', '000 §3.7');
const DEDCPU = meta('dedicated-cpu', '000 §3.7');
const CRYPTO_DED = meta('crypto-dedicated', '000 §3.7');
const CRYPTO_AP = meta('crypto-ap-type', '000 §3.3');
const CF = meta('coupling-facility', '000 §3.7');
const IUCV = meta('iucv', '000 §3.3, §3.7');

/** CP system services a relocating guest may have IUCV connections to (000 §3.3; 001). */
export const IUCV_ALLOWED = ['*MSG', '*MSGALL'];

const rule = (
	m: RuleMeta,
	check: (ctx: RuleContext) => Reason[] | Reason | null
): EligibilityRule => ({
	id: m.rule,
	section: m.section,
	check: (ctx) => {
		const r = check(ctx);
		return r === null ? [] : Array.isArray(r) ? r : [r];
	}
});

const cpuTypes = ({ guest }: RuleContext): string[] => [...new Set(guest.cpus.map((c) => c.type))];

/** The virtual machine rules, in listing order (numbered messages first, as in 000 Example A-10). */
export const MACHINE_RULES: EligibilityRule[] = [
	// Out of its relocation domain only with FORCE DOMAIN (000 §3.5, §3.6.1; A.1.6 Example A-16/A-17).
	rule(DOMAIN, ({ cluster, guest, destination }) => {
		const d = cluster.domains.find((x) => x.name === guest.relocation.domain);
		return d && d.members.includes(destination.name)
			? null
			: numbered(DOMAIN, HCPRL.architecture());
	}),
	// The destination must offer every facility of the guest's virtual architecture, unless FORCE
	// ARCHITECTURE (000 §3.6.1; A.1.6: FORCE DOMAIN alone succeeds only onto a superset).
	rule(ARCH, ({ guest, destination }) =>
		guest.architecture.every((f) => destination.facilities.includes(f))
			? null
			: numbered(ARCH, HCPRL.architecture())
	),
	rule(DSC, ({ guest }) =>
		guest.status === 'disconnected' ? null : numbered(DSC, HCPRL.notDisconnected())
	),
	rule(CHPIDV, ({ guest }) =>
		guest.chpidVirtualizationOne ? null : numbered(CHPIDV, HCPRL.chpidVirtualization())
	),
	rule(VMCF, ({ guest }) => (guest.vmcf ? numbered(VMCF, HCPRL.vmcf()) : null)),
	rule(SINGLE, ({ guest }) =>
		guest.kind === 'USER'
			? null
			: textOnly(
					SINGLE,
					'Virtual machine is a multiconfiguration virtual machine (its directory entry begins with IDENTITY)'
				)
	),
	rule(ENABLED, ({ guest }) =>
		guest.relocation.enabled
			? null
			: textOnly(ENABLED, 'Relocation is disabled for the virtual machine')
	),
	rule(MACHINE, ({ guest }) =>
		guest.machine === 'ESA' || guest.machine === 'XA'
			? null
			: textOnly(
					MACHINE,
					`Virtual machine is a ${guest.machine} virtual machine; only ESA and XA virtual machines relocate`
				)
	),
	rule(MIXED, (ctx) => {
		const types = cpuTypes(ctx);
		return types.length > 1
			? textOnly(
					MIXED,
					`Virtual machine has more than one virtual processor type (${types.join(', ')})`
				)
			: null;
	}),
	rule(CPIFL, (ctx) => {
		const other = cpuTypes(ctx).filter((t) => t !== 'CP' && t !== 'IFL');
		return other.length > 0
			? textOnly(
					CPIFL,
					`Virtual machine has virtual processors of type ${other.join(', ')}; only CP or IFL processors relocate`
				)
			: null;
	}),
	rule(TO_IFL, (ctx) => {
		const types = cpuTypes(ctx);
		return types.length === 1 && types[0] === 'CP' && ctx.destination.cpuType === 'IFL'
			? textOnly(
					TO_IFL,
					`Virtual machine has all-type CP virtual processors and destination ${ctx.destination.name} is an all-IFL system`
				)
			: null;
	}),
	rule(DEDCPU, ({ guest }) =>
		guest.cpus.some((c) => c.dedicated)
			? textOnly(DEDCPU, 'Virtual machine has a dedicated CPU')
			: null
	),
	rule(CRYPTO_DED, ({ guest }) =>
		guest.crypto === 'dedicated'
			? textOnly(CRYPTO_DED, 'Virtual machine has dedicated cryptographic capability')
			: null
	),
	// Shared crypto (CRYPTO APVIRTUAL) relocates when the AP type is the same on both members.
	rule(CRYPTO_AP, ({ guest, source, destination }) => {
		if (guest.crypto !== 'apvirtual') return null;
		const from = source.resources.cryptoApType;
		const to = destination.resources.cryptoApType;
		return from !== null && from === to
			? null
			: textOnly(
					CRYPTO_AP,
					`Virtual machine uses cryptographic adapters of AP type ${from ?? 'none'}, but destination ${destination.name} has ${to === null ? 'none' : `AP type ${to}`}`
				);
	}),
	rule(CF, ({ guest }) => {
		const o = guest.options.find((k) => k === 'CFUSER' || k === 'CFVM');
		return o
			? textOnly(
					CF,
					o === 'CFVM'
						? 'Virtual machine is a coupling facility service machine (OPTION CFVM)'
						: 'Virtual machine uses a coupling facility service machine (OPTION CFUSER)'
				)
			: null;
	}),
	rule(IUCV, ({ guest }) =>
		guest.iucv
			.filter((t) => !IUCV_ALLOWED.includes(t))
			.map((t) =>
				textOnly(
					IUCV,
					t.startsWith('*')
						? `Virtual machine has an IUCV connection to system service ${t}`
						: `Virtual machine has an IUCV connection to virtual machine ${t}`
				)
			)
	)
];
