/**
 * The scenario file format as readable documentation (`/docs/scenarios`), generated from
 * `core/config/scenario.schema.json` at build time: one section per object, one row per
 * property with its type, whether it is required, its description and its constraints. Where the
 * schema has no description, {@link NOTES} gives one (from the README's "Scenario files").
 */

/** The subset of JSON Schema the scenario schema uses. */
export interface SchemaNode {
	readonly type?: string;
	readonly $ref?: string;
	readonly description?: string;
	readonly required?: readonly string[];
	readonly properties?: Readonly<Record<string, SchemaNode>>;
	readonly additionalProperties?: boolean;
	readonly items?: SchemaNode;
	readonly enum?: readonly (string | number)[];
	readonly oneOf?: readonly SchemaNode[];
	readonly anyOf?: readonly SchemaNode[];
	readonly pattern?: string;
	readonly minimum?: number;
	readonly maximum?: number;
	readonly minItems?: number;
	readonly maxItems?: number;
	readonly default?: unknown;
	readonly title?: string;
	readonly $defs?: Readonly<Record<string, SchemaNode>>;
}

/** One property of an object. */
export interface PropertyRow {
	readonly name: string;
	/** Its path in a scenario file: `cluster.members[].storage`. */
	readonly path: string;
	/** `string`, `integer`, `size`, `array of member`, `one of "CP", "IFL"`. */
	readonly type: string;
	readonly required: boolean;
	readonly description: string;
	/** Pattern, range, item counts, default, as short phrases. */
	readonly constraints: readonly string[];
	/** The section that documents its object or its items' object, when it has one. */
	readonly section?: string;
}

/** One object of the format: the file itself, `cluster`, a member, a guest, … */
export interface ObjectSection {
	/** Anchor: `scenario-cluster-members`. */
	readonly id: string;
	/** `cluster.members[]`, or `(the file)` for the top level. */
	readonly path: string;
	readonly description: string;
	/** Rules over several properties (one of, any of). */
	readonly rules: readonly string[];
	readonly rows: readonly PropertyRow[];
}

/** A named value type of `$defs` (name, rdev, size, duration, facility). */
export interface ValueType {
	readonly name: string;
	readonly description: string;
	readonly constraints: readonly string[];
}

/** Descriptions for properties the schema leaves without one, by path. */
export const NOTES: Readonly<Record<string, string>> = {
	$schema: 'The schema’s address, for editors that validate as you type; ignored by the simulator.',
	title: 'The scenario’s title in the gallery and the lab.',
	description: 'What the scenario shows, in a sentence or two.',
	seed: 'Seed of the simulation’s random numbers (heartbeat phases, workloads): the same seed and inputs give the same run.',
	cluster: 'The SSI cluster: its name, PDR, members, ISFC links and relocation domains.',
	'cluster.name': 'The SSI cluster name (QUERY SSI’s “SSI Name”).',
	'cluster.crossSystemTimeouts':
		'Whether a silent member times out (FORMSSI’s “cross-system timeouts: Enabled”); disabled, the cluster waits.',
	'cluster.members': 'The members, one to four (000 §2.1).',
	'cluster.links':
		'ISFC logical links between members; a member with no link to some member cannot join (it is Isolated).',
	'cluster.domains':
		'User relocation domains; CP’s own (SSI and one per member) are implicit (000 §3.5).',
	'cluster.pdr.volume': 'Volume label of the common volume.',
	'cluster.pdr.rdev': 'Its real device number.',
	'cluster.members[].name': 'The member’s system name.',
	'cluster.members[].slot': 'Its slot in the SSI member list; default its position.',
	'cluster.members[].cec': 'The machine (CEC) it runs on; members are grouped by CEC in the lab.',
	'cluster.members[].lpar': 'Its logical partition.',
	'cluster.members[].storage': 'Real storage.',
	'cluster.members[].cpus': 'Logical processors.',
	'cluster.members[].cpuType': 'Their type; a guest without CPU statements gets one of this type.',
	'cluster.members[].facilities':
		'Architecture facilities (000 Figure 3-5); a domain’s level is the common subset of its members’.',
	'cluster.members[].state': 'Its state at time 0.',
	'cluster.members[].systemId':
		'The name it resolves to through System_Identifier; a duplicate cannot join.',
	'cluster.members[].devices[].type': 'Device type (OSA, HIPERSOCKETS, FCP, CTCA, 3390, …).',
	'cluster.members[].devices[].volser': 'Volume label of a DASD.',
	'cluster.members[].devices[].online': 'Whether it is online (VARY).',
	'cluster.members[].pagingVolumes[].volser': 'Volume label.',
	'cluster.members[].pagingVolumes[].rdev': 'Real device number.',
	'cluster.links[].between': 'The two members it joins.',
	'cluster.links[].chpids': 'FICON CHPIDs, when the devices are not listed.',
	'cluster.links[].ctcs': 'CTC devices in all, spread over the CHPIDs.',
	'cluster.links[].firstRdev': 'Device number of the first CTC; the rest follow.',
	'cluster.links[].devices': 'The CTC devices one by one, instead of chpids and ctcs.',
	'cluster.links[].devices[].chpid': 'The CHPID the device is on.',
	'cluster.links[].devices[].a': 'Its device number on the first member of `between`.',
	'cluster.links[].devices[].b': 'Its device number on the second.',
	'cluster.domains[].name': 'The domain’s name.',
	'cluster.domains[].members': 'Its members.',
	guests:
		'The guests logged on at time 0. With a directory, each needs an entry there and is built from it.',
	'guests[].user': 'Its user ID.',
	'guests[].on': 'The member it is logged on to.',
	'guests[].status': 'Connected guests (logged-on) cannot relocate (000 Example 3-7).',
	'guests[].kind':
		'A USER is logged on to one member only; an IDENTITY may be on several (000 §2.2.4). Taken from the directory when it has an entry.',
	'guests[].overhead.pageable': 'Pageable CP storage for the guest.',
	'guests[].overhead.fixed': 'Fixed CP storage for the guest.',
	'guests[].accounting.loggedOnFor': 'How long before the start the guest logged on (CONNECT=).',
	'guests[].accounting.virtualCpu': 'Virtual CPU time used by then (VIRTCPU=).',
	'guests[].accounting.totalCpu': 'Total CPU time used by then (TOTCPU=).',
	'segments[].name': 'The segment’s name.',
	'segments[].kind': 'A named saved system or a discontiguous saved segment.',
	'segments[].members': 'The members holding this copy.',
	script:
		'Timed steps: each `at` a time, with exactly one of command (with on), fault, ipl or shutdown.',
	'script[].at': 'When the step runs.',
	'script[].on': 'The member whose console the command is typed at.',
	'script[].user': 'Who types it (default OPERATOR), as the book’s MAINT620.',
	'script[].command': 'A console command (see the command reference).',
	'script[].fault': 'A fault to inject.',
	'script[].ipl': 'A member to IPL.',
	'script[].shutdown': 'A member to shut down.',
	'script[].reipl': 'With shutdown: IPL again afterwards.',
	'script[].fault.kind': 'What fails or is repaired.',
	'script[].fault.member': 'The member, for member.abend and member.systemId.',
	'script[].fault.systemId': 'The new system identifier, for member.systemId.',
	'script[].fault.chpid': 'The CHPID, for chpid and ctc faults.',
	'script[].fault.ctc': 'The CTC’s index on its CHPID, for ctc faults.',
	params:
		'The model’s timing parameters (see How the model works); each defaults to the value documented there.',
	'params.heartbeatMs': 'Heartbeat interval (PDR write and ISFC heartbeat).',
	'params.crossSystemTimeoutMs':
		'Silence after which a peer is no longer considered communicating.',
	'params.joinMs': 'From IPL to the end of the join protocol (Joining).',
	'params.shutdownMs': 'From SHUTDOWN to Down (Leaving).',
	'params.reiplMs': 'From Down to the new IPL of SHUTDOWN REIPL.',
	'params.shutdownSignalSeconds': 'The “may be delayed for up to n seconds” of HCPSHU960I.',
	'params.relocationSkeletonMs': 'Creating the guest’s skeleton on the destination.',
	'params.relocationGuestStateMs': 'Moving the guest state and I/O devices (in Moving Guest).',
	'params.relocationResumeMs': 'Resuming the guest on the destination.',
	'params.relocationCleanupMs': 'Cleaning Up on the source.',
	'params.relocationSliceMs': 'The memory-transfer engine’s time grid.',
	'params.guestShutdownMs': 'From SIGNAL SHUTDOWN to the guest’s report.'
};

/** Value types the schema names in `$defs`, with what they mean. */
const VALUE_TYPE_NOTES: Readonly<Record<string, string>> = {
	name: 'A z/VM name: a system, user ID, volume label or domain, 1-8 letters, digits, @, # or $.',
	rdev: 'A device number: 1-4 hexadecimal digits.',
	size: 'A size with a z/VM suffix: 512M, 6G, 1.5T.',
	duration: 'A time: milliseconds as a number, or a duration such as 5s, 250ms, 1m30s.',
	facility: 'An architecture facility of 000 Figure 3-5.'
};

const quote = (v: unknown): string => JSON.stringify(v);

/** The name a `$ref` points at: `#/$defs/size` → `size`. */
function refName(ref: string): string {
	return ref.slice(ref.lastIndexOf('/') + 1);
}

/** A property's own constraints, as short phrases. */
function constraintsOf(node: SchemaNode): string[] {
	const out: string[] = [];
	if (node.pattern !== undefined) out.push(`pattern ${node.pattern}`);
	if (node.minimum !== undefined && node.maximum !== undefined)
		out.push(`${node.minimum}-${node.maximum}`);
	else if (node.minimum !== undefined) out.push(`at least ${node.minimum}`);
	else if (node.maximum !== undefined) out.push(`at most ${node.maximum}`);
	if (node.minItems !== undefined && node.maxItems !== undefined)
		out.push(
			node.minItems === node.maxItems
				? `exactly ${node.minItems} items`
				: `${node.minItems}-${node.maxItems} items`
		);
	else if (node.minItems !== undefined) out.push(`at least ${node.minItems} item`);
	else if (node.maxItems !== undefined) out.push(`at most ${node.maxItems} items`);
	if (node.default !== undefined) out.push(`default ${quote(node.default)}`);
	return out;
}

/** Builds the documentation of a schema. */
export function documentSchema(schema: SchemaNode): {
	title: string;
	description: string;
	sections: ObjectSection[];
	valueTypes: ValueType[];
} {
	const defs = schema.$defs ?? {};
	const sections: ObjectSection[] = [];
	const resolve = (node: SchemaNode): SchemaNode =>
		node.$ref !== undefined ? (defs[refName(node.$ref)] ?? node) : node;
	const isObject = (node: SchemaNode) => resolve(node).properties !== undefined;
	const sectionId = (path: string) =>
		path === '' ? 'scenario-file' : `scenario-${path.replace(/\[\]/g, '').replace(/\./g, '-')}`;

	/** A type name: a named $def, an array of one, an enum, or the JSON type. */
	function typeOf(node: SchemaNode): string {
		if (node.$ref !== undefined) {
			const name = refName(node.$ref);
			const def = defs[name];
			return def?.enum ? `${name}: one of ${def.enum.map(quote).join(', ')}` : name;
		}
		if (node.enum) return `one of ${node.enum.map(quote).join(', ')}`;
		if (node.type === 'array' && node.items) return `array of ${typeOf(node.items)}`;
		if (node.oneOf) return node.oneOf.map(typeOf).join(' or ');
		return node.type ?? 'any';
	}

	function walk(node: SchemaNode, path: string, description: string): void {
		const id = sectionId(path);
		const required = new Set(node.required ?? []);
		const rows: PropertyRow[] = [];
		const rules: string[] = [];
		if (node.anyOf)
			rules.push(
				`At least one of: ${node.anyOf.map((r) => (r.required ?? []).join(' and ')).join('; ')}.`
			);
		if (node.oneOf)
			rules.push(
				`Exactly one of: ${node.oneOf.map((r) => (r.required ?? []).join(' with ')).join('; ')}.`
			);
		if (node.additionalProperties === false) rules.push('No other properties are allowed.');
		sections.push({ id, path: path === '' ? '(the file)' : path, description, rules, rows });
		for (const [name, prop] of Object.entries(node.properties ?? {})) {
			const p = path === '' ? name : `${path}.${name}`;
			const target = resolve(prop);
			const items = target.type === 'array' && target.items ? resolve(target.items) : undefined;
			const own = prop.description ?? NOTES[p] ?? target.description ?? '';
			let section: string | undefined;
			if (isObject(prop)) {
				section = sectionId(p);
				walk(target, p, own);
			} else if (items && items.properties) {
				section = sectionId(`${p}[]`);
				walk(items, `${p}[]`, own);
			}
			const constraints = [
				...constraintsOf(target),
				...(prop.$ref !== undefined ? constraintsOf(prop) : [])
			];
			rows.push({
				name,
				path: p,
				type: typeOf(prop),
				required: required.has(name),
				description: own,
				constraints: [...new Set(constraints)],
				...(section ? { section } : {})
			});
		}
	}

	walk(schema, '', schema.description ?? '');
	const valueTypes: ValueType[] = Object.entries(defs)
		.filter(([, d]) => d.properties === undefined)
		.map(([name, d]) => ({
			name,
			description: VALUE_TYPE_NOTES[name] ?? d.description ?? '',
			constraints: d.oneOf
				? d.oneOf.map(
						(o) =>
							`${o.type}${o.pattern ? ` matching ${o.pattern}` : ''}${o.minimum !== undefined ? ` ≥ ${o.minimum}` : ''}`
					)
				: d.enum
					? [`one of ${d.enum.map(quote).join(', ')}`]
					: constraintsOf(d)
		}));
	return {
		title: schema.title ?? '',
		description: schema.description ?? '',
		sections,
		valueTypes
	};
}

/** One annotation of an example file: a property it sets and what that means. */
export interface ExampleNote {
	/** Where in the example: `cluster.members[0].storage`. */
	readonly at: string;
	readonly value: string;
	readonly meaning: string;
}

/**
 * Notes on an example scenario: each property it sets, the first time its schema path occurs,
 * with the description the documentation gives it (so the notes follow the schema).
 */
export function annotateExample(
	example: unknown,
	sections: readonly ObjectSection[]
): ExampleNote[] {
	const rows = new Map(sections.flatMap((s) => s.rows).map((r) => [r.path, r]));
	const seen = new Set<string>();
	const notes: ExampleNote[] = [];
	const walk = (v: unknown, at: string, path: string) => {
		if (Array.isArray(v)) {
			v.forEach((item, i) => walk(item, `${at}[${i}]`, `${path}[]`));
			return;
		}
		if (v === null || typeof v !== 'object') return;
		for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
			const p = path === '' ? k : `${path}.${k}`;
			const a = at === '' ? k : `${at}.${k}`;
			const row = rows.get(p);
			if (row && !seen.has(p)) {
				seen.add(p);
				const leaf = child === null || typeof child !== 'object';
				const value = leaf
					? JSON.stringify(child)
					: Array.isArray(child)
						? `${child.length} item${child.length === 1 ? '' : 's'}`
						: '{ … }';
				notes.push({ at: a, value, meaning: row.description });
			}
			walk(child, a, p);
		}
	};
	walk(example, '', '');
	return notes;
}
