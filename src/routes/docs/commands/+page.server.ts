// The command reference is computed at build time from the parser's table (core/commands), so
// the page carries the data and not the interpreter.
import {
	COMMAND_GROUPS,
	COMMAND_REFERENCE,
	commandSpelling,
	commandTitle,
	minimumForm,
	syntaxLine
} from '$lib/core/commands/reference';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	groups: COMMAND_GROUPS.map((group) => ({
		group,
		id: `group-${group.toLowerCase().replace(/[^a-z]+/g, '-')}`,
		commands: COMMAND_REFERENCE.filter((c) => c.group === group).map((c) => ({
			id: c.id,
			title: commandTitle(c),
			spelled: commandSpelling(c),
			minimum: c.operandForm ? null : minimumForm(c),
			syntax: syntaxLine(c),
			purpose: c.purpose,
			details: c.details.map((d) => ({ syntax: d.syntax, meaning: d.meaning })),
			example: {
				text: c.example.text,
				source: c.example.source,
				scenario: c.example.scenario,
				on: c.example.on,
				before: (c.example.before ?? []).map((b) =>
					typeof b === 'string' ? b : `(${b.waitS} s later)`
				)
			}
		}))
	}))
});
