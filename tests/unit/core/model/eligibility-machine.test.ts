import { guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import { ELIGIBILITY_RULES, checkEligibility, NO_FORCE } from '$lib/core/model/lgr/eligibility';
import { by, check, guestOf, lab, memberJson, withLinux1, LAB_DIRECTORY } from './lgr-helpers';

const guests = guestsOf;

describe('the rules', () => {
	it('each is named and cites its document section, in listing order', () => {
		expect(ELIGIBILITY_RULES.map((r) => r.id)).toEqual([
			'destination-differs',
			'destination-joined',
			'destination-reachable',
			'cluster-mode',
			'single-logon',
			'relocation-domain',
			'architecture',
			'disconnected',
			'chpid-virtualization',
			'vmcf',
			'single-configuration',
			'relocation-enabled',
			'machine-mode',
			'cpu-types-mixed',
			'cpu-types-cp-ifl',
			'cpu-cp-to-ifl',
			'dedicated-cpu',
			'crypto-dedicated',
			'crypto-ap-type',
			'coupling-facility',
			'iucv',
			'logical-device',
			'vdisk-mdisk',
			'devno-mdisk',
			'tdisk',
			'mdisk-volume',
			'local-minidisk',
			'dedicated-eqid',
			'dedicated-equivalent',
			'dedicated-same-address',
			'nic-guest-lan',
			'nic-vswitch',
			'storage-fit',
			'storage-paging',
			'max-storage-capacity',
			'max-storage-paging',
			'segment-identical',
			'segment-page-ranges',
			'vdisk-limit'
		]);
		for (const r of ELIGIBILITY_RULES) expect(r.section, r.id).toMatch(/^(000|001) /);
	});
});

describe('the lab guest meets every rule', () => {
	it('LINUX1 (LINDFLT, a NIC on ITSOVSW1, a shared minidisk) is eligible from ITSOSSI1 to ITSOSSI2', () => {
		const r = check(lab());
		expect(r.reasons).toEqual([]);
		expect(r.eligible).toBe(true);
		expect(r.forced).toEqual([]);
	});

	it('is pure: the state is not changed and the result is plain JSON', () => {
		const s = lab();
		const before = JSON.stringify(s);
		const r = check(s, { to: 'ITSOSSI9' });
		expect(JSON.stringify(s)).toBe(before);
		expect(JSON.parse(JSON.stringify(r))).toEqual(r);
	});
});

describe('000 §3.6.1, §3.7 guest state: the user must be logged on, on the member the command runs on', () => {
	it('positive: logged on to ITSOSSI1, checked from ITSOSSI1', () => {
		const r = checkEligibility(lab(), 'linux1', 'itsossi2', {
			force: NO_FORCE,
			source: 'ITSOSSI1'
		});
		expect(r.eligible).toBe(true);
		expect(r.user).toBe('LINUX1');
		expect(r.destination).toBe('ITSOSSI2');
	});

	it('negative: a user who is not logged on (logged off) is the only reason', () => {
		const r = check(lab(), { user: 'LINUX9' });
		expect(r.reasons.map((x) => [x.rule, x.message, x.text])).toEqual([
			['logged-on', null, 'Virtual machine is not logged on']
		]);
	});

	it('negative: checked from another member than the one it runs on', () => {
		const r = checkEligibility(lab(), 'LINUX1', 'ITSOSSI2', {
			force: NO_FORCE,
			source: 'ITSOSSI3'
		});
		expect(by(r, 'logged-on')[0]!.text).toBe(
			'Virtual machine is not logged on to ITSOSSI3 (it is logged on to ITSOSSI1)'
		);
	});
});

describe('000 §3.1, §2.4: the destination is another Joined member reachable over ISFC', () => {
	it('destination-member negative: not a member of the cluster', () => {
		const r = check(lab(), { to: 'ITSOSSI9' });
		expect(r.reasons.map((x) => [x.rule, x.text])).toEqual([
			['destination-member', 'Destination ITSOSSI9 is not a member of SSI cluster ITSOSSIA']
		]);
	});

	it('destination-differs negative: the member the guest runs on', () => {
		const r = check(lab(), { to: 'ITSOSSI1' });
		expect(by(r, 'destination-differs').map((x) => x.text)).toEqual([
			'Destination ITSOSSI1 is the member the virtual machine is running on'
		]);
	});

	it('destination-joined negative: the destination is Down', () => {
		const s = lab((j) => (memberJson(j, 'ITSOSSI2').state = 'Down'));
		expect(by(check(s), 'destination-joined').map((x) => x.text)).toEqual([
			'Destination ITSOSSI2 is not a joined member of the SSI cluster (it is Down)'
		]);
		expect(by(check(s, { to: 'ITSOSSI3' }), 'destination-joined')).toEqual([]);
	});

	it('destination-reachable negative: the ISFC link is severed, or the source sees the member Unknown', () => {
		const s = lab();
		s.cluster.links.find((l) => l.id === 'ITSOSSI1-ITSOSSI2')!.severed = true;
		const text = 'Destination ITSOSSI2 cannot be reached from ITSOSSI1 over ISFC';
		expect(by(check(s), 'destination-reachable').map((x) => x.text)).toEqual([text]);
		expect(by(check(s, { to: 'ITSOSSI3' }), 'destination-reachable')).toEqual([]);
		const t = lab();
		t.cluster.members[0]!.views.ITSOSSI2 = 'unknown';
		expect(by(check(t), 'destination-reachable').map((x) => x.text)).toEqual([text]);
	});

	it('cluster-mode negative (000 §2.4.2): Safe mode and Influx mode stop relocations', () => {
		const s = lab();
		s.cluster.mode = 'Safe';
		expect(by(check(s), 'cluster-mode')[0]!.text).toMatch(/^The SSI cluster is in SAFE mode/);
		s.cluster.mode = 'Influx';
		expect(by(check(s), 'cluster-mode')[0]!.text).toMatch(/^The SSI cluster is in INFLUX mode/);
		s.cluster.mode = 'Stable';
		expect(by(check(s), 'cluster-mode')).toEqual([]);
	});

	it('single-logon negative (001): the user is already logged on to the destination', () => {
		const s = lab();
		s.cluster.guests.push({ ...structuredClone(guestOf(s, 'LINUX1')), on: 'ITSOSSI2' });
		expect(by(check(s), 'single-logon').map((x) => x.text)).toEqual([
			'User LINUX1 is already logged on to ITSOSSI2'
		]);
		expect(by(check(s, { to: 'ITSOSSI3' }), 'single-logon')).toEqual([]);
	});
});

describe('000 §3.5, §3.6.1, A.1.6: relocation domains and architecture (HCPRLE1944I)', () => {
	const inDomain = (domain: string, on: string) =>
		lab((j) => {
			j.directory = withLinux1(`VMRELOCATE ON DOMAIN ${domain}`);
			guests(j)[0]!.on = on;
		});

	it('relocation-domain positive: within its domain DMNZ10 (ITSOSSI1, ITSOSSI2)', () => {
		const s = inDomain('DMNZ10', 'ITSOSSI1');
		expect(guestOf(s, 'LINUX1').relocation).toEqual({ enabled: true, domain: 'DMNZ10' });
		expect(check(s).eligible).toBe(true);
	});

	it('relocation-domain negative: out of domain needs FORCE DOMAIN, which succeeds onto a superset', () => {
		const s = inDomain('DMNZ10', 'ITSOSSI1');
		const r = check(s, { to: 'ITSOSSI3' });
		expect(r.reasons.map((x) => [x.rule, x.message, x.text])).toEqual([
			['relocation-domain', 'HCPRLE1944I', 'Architecture incompatibility']
		]);
		expect(check(s, { to: 'ITSOSSI3', force: { architecture: true } }).eligible).toBe(false);
		const forced = check(s, { to: 'ITSOSSI3', force: { domain: true } });
		expect(forced.eligible).toBe(true);
		expect(forced.forced.map((x) => x.rule)).toEqual(['relocation-domain']);
	});

	it('architecture negative: out of domain onto a member with fewer facilities needs FORCE ARCHITECTURE DOMAIN', () => {
		// DMNZ196 (z196) has FLOAT-PT and E-MONITOR, which the z10 members lack.
		const s = inDomain('DMNZ196', 'ITSOSSI3');
		expect(guestOf(s, 'LINUX1').architecture).toEqual(['GIEF', 'EX-EXT', 'FLOAT-PT', 'E-MONITOR']);
		const r = check(s, { to: 'ITSOSSI1' });
		// Both rules fail; CP says "Architecture incompatibility" once.
		expect(r.reasons.map((x) => x.message)).toEqual(['HCPRLE1944I']);
		expect(by(check(s, { to: 'ITSOSSI1', force: { domain: true } }), 'architecture')).toHaveLength(
			1
		);
		expect(
			by(check(s, { to: 'ITSOSSI1', force: { architecture: true } }), 'relocation-domain')
		).toHaveLength(1);
		const both = check(s, { to: 'ITSOSSI1', force: { architecture: true, domain: true } });
		expect(both.eligible).toBe(true);
		expect(both.forced.map((x) => x.rule)).toEqual(['relocation-domain']);
	});

	it('architecture positive: the destination has every facility of the guest', () => {
		const s = inDomain('DMNZ196', 'ITSOSSI3');
		expect(by(check(s, { to: 'ITSOSSI4' }), 'architecture')).toEqual([]);
	});

	it('a guest logged on outside its domain gets the common level of both (000 §3.5.1)', () => {
		const s = inDomain('DMNZ196', 'ITSOSSI1');
		expect(guestOf(s, 'LINUX1').architecture).toEqual(['GIEF', 'EX-EXT']);
	});
});

describe('000 §3.3, §3.7, Example 3-7: the guest must run disconnected (HCPRLE1950I)', () => {
	it('positive: disconnected', () => {
		expect(by(check(lab()), 'disconnected')).toEqual([]);
	});
	it('negative: logged on (connected)', () => {
		const s = lab((j) => (guests(j)[0]!.status = 'logged-on'));
		expect(by(check(s), 'disconnected').map((x) => [x.message, x.text])).toEqual([
			['HCPRLE1950I', 'Virtual machine is not running disconnected']
		]);
	});
});

describe('000 §3.6.2, A.1.4; 001: OPTION CHPIDVIRTUALIZATION ONE (HCPRLE1956I)', () => {
	it('positive: LINDFLT gives OPTION CHPIDV ONE', () => {
		expect(guestOf(lab(), 'LINUX1').chpidVirtualizationOne).toBe(true);
	});
	it('negative: OPTION CHPIDV TWO in the entry overrides the profile', () => {
		const s = lab((j) => (j.directory = withLinux1('OPTION CHPIDV TWO')));
		expect(by(check(s), 'chpid-virtualization').map((x) => [x.message, x.text])).toEqual([
			['HCPRLE1956I', 'Single path CHPID virtualization is not enabled']
		]);
	});
});

describe('000 A.1.4: VMCF (HCPRLE1963I)', () => {
	it('positive: no VMCF', () => expect(by(check(lab()), 'vmcf')).toEqual([]));
	it('negative: the guest uses VMCF', () => {
		const s = lab((j) => (guests(j)[0]!.vmcf = true));
		expect(by(check(s), 'vmcf').map((x) => [x.message, x.text])).toEqual([
			['HCPRLE1963I', 'Virtual machine is using VMCF']
		]);
	});
});

describe('000 §3.3, §3.7; 001: single-configuration virtual machines only (text only)', () => {
	it('positive: a USER', () => expect(by(check(lab()), 'single-configuration')).toEqual([]));
	it('negative: an IDENTITY', () => {
		const s = lab((j) => {
			j.directory =
				LAB_DIRECTORY +
				'IDENTITY LINUXI XXXXXXXX 1G 1G G\nBUILD ON ITSOSSI1 USING SUBCONFIG LINUXI-1\nINCLUDE LINDFLT\nSUBCONFIG LINUXI-1\n';
			guests(j).push({ user: 'LINUXI', on: 'ITSOSSI1' });
		});
		const r = check(s, { user: 'LINUXI' });
		expect(guestOf(s, 'LINUXI').kind).toBe('IDENTITY');
		expect(by(r, 'single-configuration').map((x) => [x.message, x.text])).toEqual([
			[
				null,
				'Virtual machine is a multiconfiguration virtual machine (its directory entry begins with IDENTITY)'
			]
		]);
		// Its domain is its own member (000 §3.5.1), so ITSOSSI2 is out of domain too.
		expect(by(r, 'relocation-domain')).toHaveLength(1);
	});
});

describe('000 §3.5.3: relocation must be enabled (VMRELOCATE ON; text only)', () => {
	it('positive: LINDFLT says VMRELOCATE ON', () =>
		expect(by(check(lab()), 'relocation-enabled')).toEqual([]));
	it('negative: VMRELOCATE OFF', () => {
		const s = lab((j) => (j.directory = withLinux1('VMRELOCATE OFF')));
		expect(by(check(s), 'relocation-enabled').map((x) => x.text)).toEqual([
			'Relocation is disabled for the virtual machine'
		]);
	});
});

describe('000 §3.3; 001: an ESA or XA virtual machine (text only)', () => {
	it('positive: MACH ESA, and MACH XA', () => {
		expect(by(check(lab()), 'machine-mode')).toEqual([]);
		const s = lab((j) => (j.directory = LAB_DIRECTORY.replace('MACH ESA 2', 'MACHINE XA 2')));
		expect(guestOf(s, 'LINUX1').machine).toBe('XA');
		expect(by(check(s), 'machine-mode')).toEqual([]);
	});
	it('negative: MACH XC', () => {
		const s = lab((j) => (j.directory = LAB_DIRECTORY.replace('MACH ESA 2', 'MACHINE XC 2')));
		expect(by(check(s), 'machine-mode').map((x) => x.text)).toEqual([
			'Virtual machine is a XC virtual machine; only ESA and XA virtual machines relocate'
		]);
	});
});

describe('000 §3.3, §3.7; 001: virtual processors all CP or all IFL (text only)', () => {
	const cpus = (...lines: string[]) => lab((j) => (j.directory = withLinux1(...lines)));

	it('positive: no CPU statement gives one CPU of the member type (CP on ITSOSSIA)', () => {
		expect(guestOf(lab(), 'LINUX1').cpus).toEqual([{ address: 0, type: 'CP', dedicated: false }]);
		const r = check(lab());
		for (const rule of [
			'cpu-types-mixed',
			'cpu-types-cp-ifl',
			'cpu-cp-to-ifl',
			'dedicated-cpu'
		] as const)
			expect(by(r, rule)).toEqual([]);
	});

	it('cpu-types-mixed negative: CP and zIIP', () => {
		const r = check(cpus('CPU 00 BASE CP', 'CPU 01 ZIIP'));
		expect(by(r, 'cpu-types-mixed').map((x) => x.text)).toEqual([
			'Virtual machine has more than one virtual processor type (CP, ZIIP)'
		]);
	});

	it('cpu-types-cp-ifl negative: a zIIP', () => {
		const r = check(cpus('CPU 00 BASE ZIIP'));
		expect(by(r, 'cpu-types-cp-ifl').map((x) => x.text)).toEqual([
			'Virtual machine has virtual processors of type ZIIP; only CP or IFL processors relocate'
		]);
		expect(by(r, 'cpu-types-mixed')).toEqual([]);
	});

	it('cpu-cp-to-ifl negative: all-CP guest onto an all-IFL member; IFL CPUs are fine there', () => {
		const s = lab((j) => (memberJson(j, 'ITSOSSI2').cpuType = 'IFL'));
		expect(by(check(s), 'cpu-cp-to-ifl').map((x) => x.text)).toEqual([
			'Virtual machine has all-type CP virtual processors and destination ITSOSSI2 is an all-IFL system'
		]);
		const t = lab((j) => {
			memberJson(j, 'ITSOSSI2').cpuType = 'IFL';
			j.directory = withLinux1('CPU 00 BASE IFL');
		});
		expect(by(check(t), 'cpu-cp-to-ifl')).toEqual([]);
	});

	it('dedicated-cpu negative: CPU 00 DEDICATE', () => {
		const r = check(cpus('CPU 00 BASE DEDICATE'));
		expect(by(r, 'dedicated-cpu').map((x) => x.text)).toEqual([
			'Virtual machine has a dedicated CPU'
		]);
	});
});

describe('000 §3.3, §3.7: crypto (text only)', () => {
	it('crypto-dedicated negative: CRYPTO DOMAIN n APDED n', () => {
		const s = lab((j) => (j.directory = withLinux1('CRYPTO DOMAIN 1 APDED 1')));
		expect(guestOf(s, 'LINUX1').crypto).toBe('dedicated');
		expect(by(check(s), 'crypto-dedicated').map((x) => x.text)).toEqual([
			'Virtual machine has dedicated cryptographic capability'
		]);
	});

	it('crypto-ap-type positive: CRYPTO APVIRTUAL with the same AP type on both members', () => {
		const s = lab((j) => {
			j.directory = withLinux1('CRYPTO APVIRTUAL');
			memberJson(j, 'ITSOSSI1').crypto = 'CEX3C';
			memberJson(j, 'ITSOSSI2').crypto = 'cex3c';
		});
		const r = check(s);
		expect(by(r, 'crypto-ap-type')).toEqual([]);
		expect(by(r, 'crypto-dedicated')).toEqual([]);
	});

	it('crypto-ap-type negative: another AP type, or none, on the destination', () => {
		const s = lab((j) => {
			j.directory = withLinux1('CRYPTO APVIRTUAL');
			memberJson(j, 'ITSOSSI1').crypto = 'CEX3C';
			memberJson(j, 'ITSOSSI2').crypto = 'CEX2C';
		});
		expect(by(check(s), 'crypto-ap-type').map((x) => x.text)).toEqual([
			'Virtual machine uses cryptographic adapters of AP type CEX3C, but destination ITSOSSI2 has AP type CEX2C'
		]);
		expect(by(check(s, { to: 'ITSOSSI3' }), 'crypto-ap-type')[0]!.text).toMatch(/has none$/);
	});
});

describe('000 §3.7: coupling facility (text only)', () => {
	it('positive: no CFUSER', () => expect(by(check(lab()), 'coupling-facility')).toEqual([]));
	it('negative: OPTION CFUSER', () => {
		const s = lab((j) => (j.directory = withLinux1('OPTION CFUSER')));
		expect(by(check(s), 'coupling-facility').map((x) => x.text)).toEqual([
			'Virtual machine uses a coupling facility service machine (OPTION CFUSER)'
		]);
	});
});

describe('000 §3.3, §3.7: IUCV only to *MSG and *MSGALL (text only)', () => {
	it('positive: *MSG and *MSGALL are allowed', () => {
		const s = lab((j) => (guests(j)[0]!.iucv = ['*MSG', '*msgall']));
		expect(by(check(s), 'iucv')).toEqual([]);
	});
	it('negative: another CP system service and another virtual machine', () => {
		const s = lab((j) => (guests(j)[0]!.iucv = ['*ACCOUNT', 'LINUX2']));
		expect(by(check(s), 'iucv').map((x) => x.text)).toEqual([
			'Virtual machine has an IUCV connection to system service *ACCOUNT',
			'Virtual machine has an IUCV connection to virtual machine LINUX2'
		]);
	});
});
