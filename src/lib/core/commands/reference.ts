/**
 * The command reference: every command the console accepts, as data for the docs page
 * (`/docs/commands`). Command words and their minimum abbreviations come from the parser's own
 * table ({@link COMMAND_KEYWORDS}), never retyped; the operands, purposes and examples are
 * written here, each example from the source documents where they show one, with its citation.
 * `tests/unit/core/commands/reference.test.ts` keeps this and the parser in step: every command
 * in both, every abbreviation accepted and the next-shorter refused, every example run on its
 * scenario without HCPCMD001E/003E.
 */
import { COMMAND_KEYWORDS } from './interpreter';
import type { Keyword } from './words';

/** One operand or option of a command. */
export interface OperandReference {
	/** As CP's books write it: upper case the minimum abbreviation (`MAXQuiesce n|NOLIMit`). */
	readonly syntax: string;
	readonly meaning: string;
	/** The keywords in `syntax`, spelled the same way (checked against the parser by the tests). */
	readonly keywords?: readonly string[];
}

/** An example to type, and where it comes from. */
export interface ExampleReference {
	/** The command line as typed (the documents type in lower case). */
	readonly text: string;
	/**
	 * Document and place: `000 Example 3-8`, `001 "Starting and Managing a Live Guest
	 * Relocation"`. Null when the documents show none: the example is then the lab's own.
	 */
	readonly source: string | null;
	/** The built-in scenario it runs on, and the member's console it is typed at. */
	readonly scenario: string;
	readonly on: string;
	/**
	 * What happens first, so that it does what the document shows: commands typed on the same
	 * console, and simulated seconds passing (`{ waitS }`).
	 */
	readonly before?: readonly BeforeStep[];
}

/** A command typed before an example, or simulated time passing. */
export type BeforeStep = string | { readonly waitS: number };

/** What the reference says about one command. */
export interface CommandReference {
	/** Anchor on the page: `vmrelocate-move`. */
	readonly id: string;
	/** The command's words as the parser names them: `['VMRELOCATE', 'MOVE']`. */
	readonly words: readonly string[];
	/** QUERY's forms without a subcommand word: a device number or a user ID. */
	readonly operandForm?: 'rdev' | 'userid';
	readonly group: CommandGroup;
	readonly purpose: string;
	/** The operands after the command words, in CP's notation. Empty when it takes none. */
	readonly operands: string;
	readonly details: readonly OperandReference[];
	readonly example: ExampleReference;
}

export type CommandGroup = 'Cluster' | 'Relocation' | 'Devices' | 'Users and guests';

export const COMMAND_GROUPS: readonly CommandGroup[] = [
	'Cluster',
	'Relocation',
	'Devices',
	'Users and guests'
];

/** The parser's keyword for a command word, or for a subcommand word under it. */
export function parserKeyword(words: readonly string[]): Keyword | undefined {
	const top = COMMAND_KEYWORDS.find((c) => c.keyword.name === words[0]);
	if (!top) return undefined;
	if (words.length === 1) return top.keyword;
	return top.subcommands.find((k) => k.name === words[1]);
}

/** Each word's keyword from the parser's table; throws on a word the parser does not know. */
export function keywordsOf(words: readonly string[]): Keyword[] {
	return words.map((_, i) => {
		const k = parserKeyword(words.slice(0, i + 1));
		if (!k) throw new Error(`the parser has no command ${words.slice(0, i + 1).join(' ')}`);
		return k;
	});
}

/** A keyword as CP's books print it: the minimum abbreviation in upper case, the rest lower. */
export function spelled(k: Keyword): string {
	return k.name.slice(0, k.min) + k.name.slice(k.min).toLowerCase();
}

/** The command's shortest accepted form: `VMRELO MOVE`, `Q SSI`. */
export function minimumForm(c: Pick<CommandReference, 'words'>): string {
	return keywordsOf(c.words)
		.map((k) => k.name.slice(0, k.min))
		.join(' ');
}

/** The command words as CP's books print them: `VMRELOcate MOVE`. */
export function commandSpelling(c: Pick<CommandReference, 'words'>): string {
	return keywordsOf(c.words).map(spelled).join(' ');
}

/** The whole syntax line: `VMRELOcate MOVE [USER] userid [TO] sysname …`. */
export function syntaxLine(c: CommandReference): string {
	const form =
		c.operandForm === 'rdev' ? ' rdev[-rdev] … [ID]' : c.operandForm === 'userid' ? ' userid' : '';
	return [commandSpelling(c) + form, c.operands].filter((s) => s !== '').join(' ');
}

/** The command's name as a heading: `VMRELOCATE MOVE`, `QUERY rdev`. */
export function commandTitle(c: Pick<CommandReference, 'words' | 'operandForm'>): string {
	return [...c.words, ...(c.operandForm ? [c.operandForm] : [])].join(' ');
}

const VMRELOCATE_TARGET: OperandReference[] = [
	{
		syntax: '[USER] userid',
		meaning: 'the guest; USER may be left out (000 Example 3-6 types `vmrelocate test itsolnx1`)'
	},
	{ syntax: '[TO] sysname', meaning: 'the destination member; TO may be left out' },
	{
		syntax: 'FORCE ARCHitecture|DOMain|STORage …',
		meaning:
			'relocate in spite of the architecture, relocation domain or storage checks (000 §3.6.1, A.1.6, A.1.8); several may follow one FORCE. The minimum abbreviations are the simulator’s choice',
		keywords: ['FORCE', 'ARCHitecture', 'DOMain', 'STORage']
	}
];

/** Every command the console accepts, grouped as the page shows them. */
export const COMMAND_REFERENCE: readonly CommandReference[] = [
	// Cluster
	{
		id: 'query-ssi',
		words: ['QUERY', 'SSI'],
		group: 'Cluster',
		purpose:
			'Shows the SSI cluster’s name, mode, PDR volume and each member’s slot, state and PDR heartbeat.',
		operands: '',
		details: [],
		example: { text: 'q ssi', source: '000 Example 2-6', scenario: 'itsossib', on: 'ITSOSSI5' }
	},
	{
		id: 'formssi-display',
		words: ['FORMSSI'],
		group: 'Cluster',
		purpose:
			'Displays the persistent data record (PDR) as stored on the common volume: what each member last wrote, not what its peers believe.',
		operands: 'DISPLAY vdev',
		details: [
			{
				syntax: 'DISPLAY vdev',
				meaning: 'the PDR volume, by PMAINT’s full-pack link 141 (001) or its real device number'
			}
		],
		example: {
			text: 'formssi display 141',
			source: '000 Example 2-5',
			scenario: 'itsossib',
			on: 'ITSOSSI5'
		}
	},
	{
		id: 'at',
		words: ['AT'],
		group: 'Cluster',
		purpose:
			'Runs a command on another active member of the cluster without logging on there (001 "Cross-System CP Commands").',
		operands: 'sysname CMD command',
		details: [
			{ syntax: 'sysname', meaning: 'an active member this member can reach' },
			{ syntax: 'CMD command', meaning: 'the command to run there (AT cannot be nested)' }
		],
		example: {
			text: 'at itsossi1 cmd q 9a26',
			source: '000 Example A-3',
			scenario: 'a11-devno',
			on: 'ITSOSSI4'
		}
	},
	{
		id: 'shutdown',
		words: ['SHUTDOWN'],
		group: 'Cluster',
		purpose:
			'Shuts down the member the command runs on: it is Leaving, then Down; with REIPL it IPLs again and rejoins.',
		operands: '[REIPL]',
		details: [
			{
				syntax: 'REIPL',
				meaning: 'restart the member after it is down (60 s in the model)',
				keywords: ['REIPL']
			}
		],
		example: {
			text: 'at itsossi1 cmd shutdown reipl',
			source: '000 Example 4-3',
			scenario: 'itsossia',
			on: 'ITSOSSI2'
		}
	},
	{
		id: 'ipl',
		words: ['IPL'],
		group: 'Cluster',
		purpose:
			'On the console of a member that is down: loads z/VM, standing in for the HMC Load. The member joins the cluster (000 §2.4) or is Isolated.',
		operands: '',
		details: [],
		example: { text: 'ipl', source: null, scenario: 'myclustr', on: 'MEMBER3' }
	},
	{
		id: 'set-ssi',
		words: ['SET', 'SSI'],
		group: 'Cluster',
		purpose:
			'Changes an entry of the SSI member list; only a slot whose member is down can change.',
		operands: 'SLOT n sysname|AVAILABLE',
		details: [
			{ syntax: 'SLOT n', meaning: 'the slot, 1-4', keywords: ['SLOT'] },
			{ syntax: 'sysname|AVAILABLE', meaning: 'the system to put in it, or none' }
		],
		example: {
			text: 'set ssi slot 2 itsossi6',
			source: '000 §5.5.1 "Updating the cluster ITSOSSIB for ITSOSSI6"',
			scenario: 'itsossib',
			on: 'ITSOSSI5',
			before: ['at itsossi6 cmd shutdown', { waitS: 5 }]
		}
	},
	{
		id: 'query-relodomain',
		words: ['QUERY', 'RELODOMAIN'],
		group: 'Relocation',
		purpose:
			'Lists relocation domains and their members: CP’s SSI domain, one per member, and the user domains.',
		operands: '[ALL | domain | MEMber sysname]',
		details: [
			{ syntax: 'ALL', meaning: 'every domain (the default)' },
			{ syntax: 'domain', meaning: 'one domain by name' },
			{
				syntax: 'MEMber sysname',
				meaning: 'the domains a member belongs to',
				keywords: ['MEMber']
			}
		],
		example: {
			text: 'q relodomain all',
			source: '000 Example 3-3',
			scenario: 'itsossia',
			on: 'ITSOSSI1'
		}
	},
	{
		id: 'define-relodomain',
		words: ['DEFINE', 'RELODOMAIN'],
		group: 'Relocation',
		purpose:
			'Defines a relocation domain or adds members to a user domain; refused unless the cluster is Stable (000 §2.4.2, §3.5.2).',
		operands: 'name MEMbers sysname …',
		details: [
			{ syntax: 'name', meaning: 'the domain (CP’s own domains cannot be changed)' },
			{ syntax: 'MEMbers sysname …', meaning: 'one or more members', keywords: ['MEMbers'] }
		],
		example: {
			text: 'define relodomain domainA member itsossi1 itsossi2',
			source: '000 Example 3-1',
			scenario: 'itsossia',
			on: 'ITSOSSI1'
		}
	},
	{
		id: 'set-vmrelocate',
		words: ['SET', 'VMRELOCATE'],
		group: 'Relocation',
		purpose:
			'Enables or disables a guest’s relocation and moves it to another relocation domain, changing its virtual architecture at once (000 §3.5.3).',
		operands: '[USER] userid [ON|OFF] [DOMain name]',
		details: [
			{ syntax: '[USER] userid', meaning: 'the guest' },
			{ syntax: 'ON|OFF', meaning: 'relocation enabled or disabled' },
			{ syntax: 'DOMain name', meaning: 'the guest’s new relocation domain', keywords: ['DOMain'] }
		],
		example: {
			text: 'set vmrelocate itsolnx1 on domain domainA',
			source: '000 Example 3-4',
			scenario: 'itsossia',
			on: 'ITSOSSI1',
			before: ['define relodomain domainA member itsossi1 itsossi2']
		}
	},
	{
		id: 'query-vmrelocate',
		words: ['QUERY', 'VMRELOCATE'],
		group: 'Relocation',
		purpose: 'Shows where a guest runs and whether it may relocate, in which domain.',
		operands: '[USER] userid',
		details: [{ syntax: '[USER] userid', meaning: 'the guest' }],
		example: {
			text: 'q vmrelo lnxsu12',
			source: '000 Example A-15',
			scenario: 'a16-domains',
			on: 'ITSOSSI5'
		}
	},
	{
		id: 'vmrelocate-test',
		words: ['VMRELOCATE', 'TEST'],
		group: 'Relocation',
		purpose:
			'Checks whether a guest can relocate to a member, listing every reason it cannot under HCPRLH1940E (000 §3.3-3.7, App. A). Issued on the guest’s member.',
		operands: '[USER] userid [TO] sysname [FORCE ARCHitecture|DOMain|STORage …]',
		details: VMRELOCATE_TARGET,
		example: {
			text: 'vmrelocate test itsolnx1 itsossi2',
			source: '000 Example 3-6',
			scenario: 'itsossia',
			on: 'ITSOSSI1'
		}
	},
	{
		id: 'vmrelocate-move',
		words: ['VMRELOCATE', 'MOVE'],
		group: 'Relocation',
		purpose:
			'Relocates a running guest to another member: memory moves in passes while it runs, then it is quiesced for the last two passes and resumes on the destination (000 §3.6.1).',
		operands:
			'[USER] userid [TO] sysname [SYNChronous|ASYNChronous] [IMMediate] [MAXTotal n|NOLIMit] [MAXQuiesce n|NOLIMit] [FORCE ARCHitecture|DOMain|STORage …]',
		details: [
			...VMRELOCATE_TARGET.slice(0, 2),
			{
				syntax: 'SYNChronous|ASYNChronous',
				meaning:
					'SYNCHRONOUS (the default) returns when the relocation ends; ASYNCHRONOUS as soon as the first eligibility check is done',
				keywords: ['SYNChronous', 'ASYNChronous']
			},
			{
				syntax: 'IMMediate',
				meaning:
					'quiesce after one pass through memory; MAXQUIESCE then defaults to NOLIMIT (000 §3.6.1)',
				keywords: ['IMMediate']
			},
			{
				syntax: 'MAXTotal n|NOLIMit',
				meaning: 'cancel the relocation if it takes longer than n seconds in all (default NOLIMIT)',
				keywords: ['MAXTotal', 'NOLIMit']
			},
			{
				syntax: 'MAXQuiesce n|NOLIMit',
				meaning:
					'cancel it if the guest would be stopped longer than n seconds (default 10; NOLIMIT with IMMEDIATE)',
				keywords: ['MAXQuiesce', 'NOLIMit']
			},
			VMRELOCATE_TARGET[2]!
		],
		example: {
			text: 'vmrelocate move itsolnx1 itsossi2 maxtotal 10 maxquiesce 5',
			source: '000 Example 3-8',
			scenario: 'itsossia',
			on: 'ITSOSSI1'
		}
	},
	{
		id: 'vmrelocate-status',
		words: ['VMRELOCATE', 'STATUS'],
		group: 'Relocation',
		purpose:
			'Lists the relocations in progress to or from this member, with their phase, options and (DETAILS) pass counts.',
		operands: '[[USER] userid] [DETails]',
		details: [
			{ syntax: '[USER] userid', meaning: 'one guest only' },
			{
				syntax: 'DETails',
				meaning: 'add the options, limits and pages sent in each pass',
				keywords: ['DETails']
			}
		],
		example: {
			text: 'vmrelocate status lgrlin21 details',
			source: '001 "Starting and Managing a Live Guest Relocation"',
			scenario: 'gdl',
			on: 'GDLMCPX4',
			before: ['vmrelocate move lgrlin21 gdllcpx3 asynchronous maxquiesce 10 maxtotal 10']
		}
	},
	{
		id: 'vmrelocate-cancel',
		words: ['VMRELOCATE', 'CANCEL'],
		group: 'Relocation',
		purpose:
			'Stops a relocation in any phase before the guest resumes on the destination; the guest keeps running on the source. Typed on the source or the destination.',
		operands: '[USER] userid',
		details: [{ syntax: '[USER] userid', meaning: 'the guest being relocated' }],
		example: {
			text: 'vmrelocate cancel lgrlin21',
			source: '001 "Starting and Managing a Live Guest Relocation"',
			scenario: 'gdl',
			on: 'GDLMCPX4',
			before: ['vmrelocate move lgrlin21 gdllcpx3 async maxq 10 maxt 10']
		}
	},
	// Devices
	{
		id: 'query-rdev',
		words: ['QUERY'],
		operandForm: 'rdev',
		group: 'Devices',
		purpose:
			'Shows the member’s real devices: who has each, or (ID) its sense data and EQID. A word of 1-4 hex digits after QUERY is a device number.',
		operands: '',
		details: [
			{ syntax: 'rdev[-rdev] …', meaning: 'device numbers or ranges' },
			{ syntax: 'ID', meaning: 'the sense ID data and EQID of each', keywords: ['ID'] }
		],
		example: { text: 'q 9a26', source: '000 Example A-3', scenario: 'a11-devno', on: 'ITSOSSI4' }
	},
	{
		id: 'query-osa',
		words: ['QUERY', 'OSA'],
		group: 'Devices',
		purpose: 'Lists the member’s OSA and HiperSockets devices in one state.',
		operands: '[ACTive | ALL | FREe | OFFline | SYStem]',
		details: [
			{
				syntax: 'ACTive|ALL|FREe|OFFline|SYStem',
				meaning: 'those in use by a user (the default), all, free, offline or reserved for CP',
				keywords: ['ACTive', 'ALL', 'FREe', 'OFFline', 'SYStem']
			}
		],
		example: { text: 'q osa', source: '000 Example A-11', scenario: 'a15-dedicate', on: 'ITSOSSI4' }
	},
	{
		id: 'query-alloc',
		words: ['QUERY', 'ALLOC'],
		group: 'Devices',
		purpose: 'Lists the member’s paging volumes, their extents and the pages in use.',
		operands: 'PAGE',
		details: [{ syntax: 'PAGE', meaning: 'paging space', keywords: ['PAGE'] }],
		example: {
			text: 'q alloc page',
			source: '000 Example A-23',
			scenario: 'a18-paging',
			on: 'ITSOSSI6'
		}
	},
	{
		id: 'attach',
		words: ['ATTACH'],
		group: 'Devices',
		purpose:
			'Attaches a real device to CP (a paging volume adds its pages at once) or to a guest of this member.',
		operands: 'rdev[-rdev] [TO] SYSTEM|userid [AS vdev]',
		details: [
			{ syntax: 'rdev[-rdev]', meaning: 'the device or range' },
			{ syntax: '[TO] SYSTEM|userid', meaning: 'CP, or a guest logged on to this member' },
			{
				syntax: 'AS vdev',
				meaning: 'the guest’s device number (default the real one)',
				keywords: ['AS']
			}
		],
		example: {
			text: 'attach 9c21 to system',
			source: null,
			scenario: 'a18-paging',
			on: 'ITSOSSI6'
		}
	},
	{
		id: 'detach',
		words: ['DETACH'],
		group: 'Devices',
		purpose:
			'Detaches a real device from CP or from a guest, or (sent to a guest) the guest’s own virtual devices.',
		operands: 'rdev[-rdev] [FROM] SYSTEM|userid | vdev …',
		details: [
			{ syntax: 'rdev[-rdev] [FROM] SYSTEM|userid', meaning: 'a real device and its holder' },
			{ syntax: 'vdev …', meaning: 'the issuing guest’s own devices (through SEND CP)' }
		],
		example: {
			text: 'at itsossi1 cmd det 9a26 system',
			source: '000 Example A-3',
			scenario: 'a11-devno',
			on: 'ITSOSSI4'
		}
	},
	{
		id: 'vary',
		words: ['VARY'],
		group: 'Devices',
		purpose:
			'Varies real devices online or offline; a device must be free to go offline, and offline to change with SET RDEVICE.',
		operands: 'ONline|OFFline rdev[-rdev] …',
		details: [
			{
				syntax: 'ONline|OFFline',
				meaning: 'the new state',
				keywords: ['ONline', 'OFFline']
			},
			{ syntax: 'rdev[-rdev] …', meaning: 'devices or ranges' }
		],
		example: {
			text: 'vary off 2126-2128',
			source: '000 Example A-14',
			scenario: 'a15-dedicate',
			on: 'ITSOSSI4',
			before: ['signal shutdown itsolnx2', { waitS: 10 }]
		}
	},
	{
		id: 'set-rdevice',
		words: ['SET', 'RDEVICE'],
		group: 'Devices',
		purpose:
			'Sets a real device’s type and equivalency ID (EQID), the dynamic form of SYSTEM CONFIG RDEVICE; the device must be offline (000 A.1.5).',
		operands: 'rdev[-rdev] … [EQid eqid | NOEQid] TYPE OSA|HIPERsockets|FCP|CTCA',
		details: [
			{
				syntax: 'EQid eqid | NOEQid',
				meaning: 'the EQID (1-8 letters and digits) or CP’s own',
				keywords: ['EQid', 'NOEQid']
			},
			{
				syntax: 'TYPE OSA|HIPERsockets|FCP|CTCA',
				meaning: 'the device type',
				keywords: ['TYPE', 'OSA', 'HIPERsockets', 'FCP', 'CTCA']
			}
		],
		example: {
			text: 'set rdev 2126-2128 eqid osa1set1 type osa',
			source: '000 Example A-14',
			scenario: 'a15-dedicate',
			on: 'ITSOSSI4',
			before: ['signal shutdown itsolnx2', { waitS: 10 }, 'vary off 2126-2128']
		}
	},
	{
		id: 'define-vfb-512',
		words: ['DEFINE', 'VFB-512'],
		group: 'Devices',
		purpose:
			'Sent to a guest: defines a private virtual disk in storage, which (unlike a shared V-DISK minidisk) does not prevent relocation (000 A.1.3).',
		operands: '[AS] vdev BLK n',
		details: [
			{ syntax: '[AS] vdev', meaning: 'the guest’s device number', keywords: ['AS'] },
			{
				syntax: 'BLK n',
				meaning: '512-byte blocks, within the member’s Features Vdisk Userlim',
				keywords: ['BLK']
			}
		],
		example: {
			text: 'send cp itsolnx1 define vfb-512 as 0111 blk 128000',
			source: '000 A.1.3 (the COMMAND DEFINE VFB-512 directory statement, sent as a command)',
			scenario: 'itsossia',
			on: 'ITSOSSI1'
		}
	},
	// Users and guests
	{
		id: 'query-users',
		words: ['QUERY', 'USERS'],
		group: 'Users and guests',
		purpose:
			'Shows where a user is logged on: this member, one member, or every member of the cluster.',
		operands: 'userid [AT sysname | AT ALL]',
		details: [
			{ syntax: 'userid', meaning: 'the user' },
			{
				syntax: 'AT sysname | AT ALL',
				meaning: 'another member, or all of them (000 App. B)',
				keywords: ['AT']
			}
		],
		example: {
			text: 'q user itsolnx3 at all',
			source: '000 Example 4-10',
			scenario: 'itsossia',
			on: 'ITSOSSI1'
		}
	},
	{
		id: 'query-userid',
		words: ['QUERY'],
		operandForm: 'userid',
		group: 'Users and guests',
		purpose:
			'The same as QUERY USERS userid: any word after QUERY that is not a subcommand or a device number.',
		operands: '[AT sysname | AT ALL]',
		details: [{ syntax: 'AT sysname | AT ALL', meaning: 'where to look', keywords: ['AT'] }],
		example: {
			text: 'query lgrlin21 at all',
			source: '001 "Starting and Managing a Live Guest Relocation"',
			scenario: 'gdl',
			on: 'GDLMCPX4'
		}
	},
	{
		id: 'query-names',
		words: ['QUERY', 'NAMES'],
		group: 'Users and guests',
		purpose:
			'Lists the users logged on to this member, and those logged on elsewhere in the cluster (000 App. B).',
		operands: '',
		details: [],
		example: { text: 'q names', source: null, scenario: 'itsossia', on: 'ITSOSSI1' }
	},
	{
		id: 'xautolog',
		words: ['XAUTOLOG'],
		group: 'Users and guests',
		purpose:
			'Logs a user on to this member, disconnected, from its directory entry; a USER already on another member is refused (single logon).',
		operands: 'userid',
		details: [{ syntax: 'userid', meaning: 'the user to start' }],
		example: {
			text: 'at itsossi1 cmd xautolog vmlogs',
			source: '000 Example A-10 (its "itsossil" is an OCR slip for itsossi1)',
			scenario: 'a14-cms-guest',
			on: 'ITSOSSI4',
			before: ['at itsossi4 cmd force vmlogs']
		}
	},
	{
		id: 'force',
		words: ['FORCE'],
		group: 'Users and guests',
		purpose:
			'Logs a guest off its member at once; a relocation of it in progress ends. For Linux use SIGNAL SHUTDOWN instead (000 A.1.4).',
		operands: 'userid',
		details: [{ syntax: 'userid', meaning: 'a guest on this member' }],
		example: {
			text: 'at itsossi4 cmd force vmlogs',
			source: '000 Example A-10',
			scenario: 'a14-cms-guest',
			on: 'ITSOSSI4'
		}
	},
	{
		id: 'signal-shutdown',
		words: ['SIGNAL'],
		group: 'Users and guests',
		purpose:
			'Asks a guest’s operating system to shut down; when it reports, or WITHIN n seconds are up, CP logs it off.',
		operands: 'SHUTDOWN [USER] userid [Within n]',
		details: [
			{ syntax: 'SHUTDOWN', meaning: 'the signal', keywords: ['SHUTDOWN'] },
			{ syntax: '[USER] userid', meaning: 'a guest on this member' },
			{ syntax: 'Within n', meaning: 'seconds CP waits at most', keywords: ['Within'] }
		],
		example: {
			text: 'signal shutdown itsolnx2',
			source: '000 Example A-14',
			scenario: 'a15-dedicate',
			on: 'ITSOSSI4'
		}
	},
	{
		id: 'send-cp',
		words: ['SEND'],
		group: 'Users and guests',
		purpose:
			'Runs a CP command as a guest of this member, as though typed at its console; its output follows the Ready, after the guest’s ID.',
		operands: 'CP userid command',
		details: [
			{ syntax: 'CP', meaning: 'a CP command (console input is not modelled)', keywords: ['CP'] },
			{ syntax: 'userid command', meaning: 'the guest and its command' }
		],
		example: {
			text: 'send cp itsolnx2 det 190 19d 19e',
			source: '000 Example A-5',
			scenario: 'a12-cms-mdisks',
			on: 'ITSOSSI4'
		}
	},
	{
		id: 'link',
		words: ['LINK'],
		group: 'Users and guests',
		purpose:
			'Sent to a guest: links a minidisk, checked against the links to it on every member of the cluster (001 "Cross-System Minidisk Management").',
		operands: '[To] userid vdev1 [As] vdev2 [mode]',
		details: [
			{
				syntax: '[To] userid',
				meaning: 'the minidisk’s owner (`*`: the guest itself)',
				keywords: ['To']
			},
			{
				syntax: 'vdev1 [As] vdev2',
				meaning: 'the owner’s device and the guest’s',
				keywords: ['As']
			},
			{
				syntax: 'mode',
				meaning: 'R, RR, W, WR, M, MR or MW (default R for another user’s disk)'
			}
		],
		example: {
			text: 'send cp itsolnx2 link maint 0190 0190 rr',
			source: '000 Example 4-5 (the directory’s LINK MAINT 0190 0190 RR, sent as a command)',
			scenario: 'a12-cms-mdisks',
			on: 'ITSOSSI4',
			before: ['send cp itsolnx2 det 190']
		}
	},
	{
		id: 'logon',
		words: ['LOGON'],
		group: 'Users and guests',
		purpose:
			'The simulator’s stand-in for a user logging on at a terminal of this member: the guest is connected, so it cannot relocate until it disconnects.',
		operands: 'userid',
		details: [{ syntax: 'userid', meaning: 'a user in the directory' }],
		example: {
			text: 'logon vmlogs',
			source: null,
			scenario: 'a14-cms-guest',
			on: 'ITSOSSI4',
			before: ['force vmlogs']
		}
	},
	{
		id: 'disconnect',
		words: ['DISCONNECT'],
		group: 'Users and guests',
		purpose:
			'Ends a guest’s terminal session; it runs on disconnected, as `#CP DISCONNECT` at its terminal would do.',
		operands: '[userid]',
		details: [{ syntax: 'userid', meaning: 'a connected guest of this member' }],
		example: {
			text: 'disconnect vmlogs',
			source: null,
			scenario: 'a14-cms-guest',
			on: 'ITSOSSI4',
			before: ['force vmlogs', 'logon vmlogs']
		}
	}
];
