/**
 * The HCPRL messages of live guest relocation, numbered and worded exactly as the documents
 * print them (000 Example 3-7, App. A.1.1-A.1.9). Conditions of 000 §3.3, §3.4, §3.7 and 001
 * that the documents state without a message get a reason text and no number (see the rules):
 * the simulator never invents a message number.
 */

/** The header of a VMRELOCATE TEST or MOVE refused by eligibility (000 Example 3-7, A-2 ... A-28). */
export const HCPRLH1940E = (user: string): string =>
	`HCPRLH1940E ${user} is not relocatable for the following reason(s):`;

/** The header of a relocation terminated after it started (000 Example A-20). */
export const HCPRLH1939E = (user: string, destination: string): string =>
	`HCPRLH1939E Relocation of ${user} to ${destination} is terminated for the following reason(s):`;

/** A reason's message id and the text after `<user>: `. */
export interface MessageText {
	id: string;
	text: string;
}

/**
 * Reason messages, each as a function of its variable parts. Line breaks the book's 80-column
 * console put inside words ("destinati-on", "aux-iliary") are joined.
 */
export const HCPRL = {
	/** 000 A.1.6, Example A-16 ... A-17. */
	architecture: (): MessageText => ({ id: 'HCPRLE1944I', text: 'Architecture incompatibility' }),
	/** 000 Example 3-7. */
	notDisconnected: (): MessageText => ({
		id: 'HCPRLE1950I',
		text: 'Virtual machine is not running disconnected'
	}),
	/** 000 A.1.4, Example A-10. */
	chpidVirtualization: (): MessageText => ({
		id: 'HCPRLE1956I',
		text: 'Single path CHPID virtualization is not enabled'
	}),
	/** 000 A.1.4, Example A-10. */
	vmcf: (): MessageText => ({ id: 'HCPRLE1963I', text: 'Virtual machine is using VMCF' }),
	/** 000 Example 3-7. */
	logicalDevice: (vdev: string): MessageText => ({
		id: 'HCPRLI1954I',
		text: `Virtual machine device ${vdev} is a logical device`
	}),
	/** 000 A.1.3, Example A-7. */
	shareableVdisk: (vdev: string): MessageText => ({
		id: 'HCPRLI1970I',
		text: `Virtual machine device ${vdev} is a shareable VDISK`
	}),
	/**
	 * 000 A.1.1, Example A-2. "DENVO" is printed so in the book's console transcript; it is kept
	 * as the document shows it.
	 */
	devnoMinidisk: (vdev: string, rdev: string, destRdev: string): MessageText => ({
		id: 'HCPRLI1981I',
		text: `Source system DEVNO defined minidisk ${vdev} on real device ${rdev} cannot be created on the destination system because the equivalent real device ${destRdev} is neither a DENVO defined minidisk nor free`
	}),
	/** 000 A.1.5, Example A-13. */
	networkDeviceEqid: (rdev: string): MessageText => ({
		id: 'HCPRLI1982I',
		text: `Source system real network device ${rdev} requires an EQID to be assigned`
	}),
	/** 000 A.1.2, A.1.4, Examples A-5, A-10. */
	localMinidisk: (vdev: string): MessageText => ({
		id: 'HCPRLI1996I',
		text: `Virtual machine device ${vdev} is a link to a local minidisk`
	}),
	/** 000 A.1.9, Example A-28 (figures in K). */
	maxStorage: (use: string, capacity: string, by: string): MessageText => ({
		id: 'HCPRLL1811I',
		text: `Maximum storage use (${use}) exceeds available capacity on destination (${capacity}) by ${by}`
	}),
	/** 000 Example 3-7, A.1.8, A.1.9 (use in M, the others in K). */
	maxPageable: (use: string, paging: string, by: string): MessageText => ({
		id: 'HCPRLL1813I',
		text: `Maximum pageable storage use (${use}) exceeds available auxiliary paging space on destination (${paging}) by ${by}`
	}),
	/** 000 A.1.4, Example A-10. */
	segment: (name: string): MessageText => ({
		id: 'HCPRLL1980I',
		text: `An identical NSS or DCSS ${name} does not exist on the destination system`
	}),
	/** 000 A.1.7, Example A-20: for the relocation engine (MAXQUIESCE exceeded). */
	maxQuiesce: (): MessageText => ({
		id: 'HCPRLU1930I',
		text: 'The maximum quiesce time was exceeded'
	})
} as const;

/** The reason line as CP prints it: `HCPRLE1950I ITSOLNX1: text`, or `ITSOLNX1: text` without a number. */
export function reasonLine(user: string, message: string | null, text: string): string {
	return `${message === null ? '' : `${message} `}${user}: ${text}`;
}

/**
 * The lines VMRELOCATE MOVE, STATUS and CANCEL print, worded as the documents show them. None
 * of them has a message number in the documents, so none is given one.
 */
export const LGR_LINES = {
	/**
	 * 000 Example 3-8, 4-10, A-6; "with FORCE DOMAIN in effect" (A-18), "with FORCE STORAGE in
	 * effect" (A-24). `force` is the FORCE operands in effect, in the order ARCHITECTURE, DOMAIN,
	 * STORAGE.
	 */
	started: (user: string, from: string, to: string, force: readonly string[]): string =>
		`Relocation of ${user} from ${from} to ${to} started${force.length > 0 ? ` with FORCE ${force.join(' ')} in effect` : ''}`,
	/** 000 Example 3-8, 4-10, A-6, A-14; 001. */
	relocated: (user: string, from: string, to: string): string =>
		`User ${user} has been relocated from ${from} to ${to}`,
	/** 000 Example A-16 ... A-18, A-20, A-22: before HCPRLH1940E or HCPRLH1939E. */
	notCompleted: (user: string, from: string, to: string): string =>
		`Relocation of user ${user} from ${from} to ${to} did not complete. Guest has not been moved`,
	/** 001 "Starting and Managing a Live Guest Relocation...": `canceled by CELESKEY on GDLMCPX4.` */
	canceled: (user: string, from: string, to: string, by: string, on: string): string =>
		`Relocation of user ${user} from ${from} to ${to} has been canceled by ${by} on ${on}.`,
	/** 001: VMRELOCATE STATUS when nothing matches. */
	noneInProgress: 'No matching virtual machine relocation is currently in progress on this system',
	/** 000 Example A-6, A-14, A-32: the source logs the relocated guest off (on the guest's console). */
	logoff: (user: string, users: number): string =>
		`USER DSC LOGOFF AS ${user} USERS = ${users} FORCED BY SYSTEM`
} as const;

/**
 * The reason MAXTOTAL gives. The documents state the limit (000 §3.6.1: "If a relocation needs
 * more time, the relocation is canceled") but print no message for it, so it has text only,
 * worded like HCPRLU1930I.
 */
export const MAX_TOTAL_TEXT = 'The maximum total time was exceeded';
