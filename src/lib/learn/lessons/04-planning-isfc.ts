import type { Lesson } from '../lesson';

const LINK = 'ITSOSSI5-ITSOSSI6';

/** Lesson 4: planning ISFC links (000 §2.3.1, §2.3.3, §3.2.1; 001 "CTC Connections"). */
export const PLANNING_ISFC: Lesson = {
	slug: 'planning-isfc-links',
	title: 'Planning ISFC links',
	summary:
		'How many CTCs on how many CHPIDs: lose a channel path and a few devices, and predict what it does to the link and to relocation times.',
	sources: [
		{ doc: '001', section: '"CTC Connections" and "CTC Connections – How Many Do I Need?"' },
		{ doc: '000', section: '§2.3.1 LPAR planning considerations' },
		{ doc: '000', section: '§2.3.3 ISFC' },
		{ doc: '000', section: '§3.2.1 Factors affecting relocation' }
	],
	script: {
		scenario: 'itsossib',
		seed: 7,
		steps: [
			{
				runMs: 10000,
				speed: 3,
				inputs: [
					{
						after: 0,
						input: { kind: 'command', on: 'ITSOSSI5', text: 'VMRELOCATE MOVE LNXSU11 TO ITSOSSI6' }
					}
				]
			},
			{
				runMs: 20000,
				speed: 5,
				inputs: [
					{
						after: 0,
						input: { kind: 'fault', fault: { kind: 'chpid.fail', link: LINK, chpid: '40' } }
					},
					{
						after: 1,
						input: { kind: 'command', on: 'ITSOSSI5', text: 'VMRELOCATE MOVE LNXSU12 TO ITSOSSI6' }
					}
				]
			},
			{
				runMs: 1000,
				inputs: [{ after: 0, input: { kind: 'link.ctcs', link: LINK, chpid: '50', ctcs: 1 } }]
			},
			{
				runMs: 50000,
				speed: 12,
				inputs: [
					{
						after: 0,
						input: { kind: 'command', on: 'ITSOSSI6', text: 'VMRELOCATE MOVE LNXSU11 TO ITSOSSI5' }
					}
				]
			}
		]
	},
	steps: [
		{
			title: 'A well-planned link',
			body: [
				'Each pair of members needs a direct ISFC logical link, made of 1 to 16 FICON CTC devices (001 "CTC Connections"). The SHARE session\'s advice: four CTC devices per FICON CHPID is the most efficient, and for large guests relocation and quiesce times improve with more CHPIDs, up to four with four CTCs each.',
				"ITSOSSIB's link has two CHPIDs, 40 and 50, with four CTCs each: 700 MB/s here. LNXSU11 relocates over it to ITSOSSI6."
			],
			look: 'The ISFC link and the MB/s in use while memory moves, then Relocations: the quiesce time.',
			question: {
				prompt: 'How long will LNXSU11 be quiesced (stopped) during its relocation?',
				observe: { of: 'relocation-figure', user: 'LNXSU11', figure: 'quiesceMs' },
				choices: [
					{ label: 'Under a second', when: { below: 1000 } },
					{ label: '1 to 10 seconds', when: { between: [1000, 10000] } },
					{ label: '10 seconds or more', when: { atLeast: 10000 } }
				],
				explain:
					"About a tenth of a second. Most of the memory moves while the guest runs; only the final pass, with the pages changed since the one before, is sent while it is stopped. The link's speed sets how long the whole move takes and how much is left for that last pass."
			}
		},
		{
			title: 'Losing a channel path',
			body: [
				'Multiple CTCs spread over multiple FICON channel paths avoid write collisions and keep the logical link up when one path is damaged (001; 000 §2.3.3).',
				'CHPID 40 fails. The link stays up on CHPID 50 alone, and LNXSU12, the same kind of guest as LNXSU11, relocates over what is left.'
			],
			look: 'The failed CHPID under ISFC links, then the total time under Relocations.',
			question: {
				prompt:
					"How does LNXSU12's total relocation time compare with LNXSU11's over the full link?",
				observe: { of: 'relocation-ratio', user: 'LNXSU12', other: 'LNXSU11', figure: 'totalMs' },
				choices: [
					{ label: 'About the same (less than 1.3 times)', when: { below: 1.3 } },
					{ label: 'Noticeably longer (1.3 to 3 times)', when: { between: [1.3, 3] } },
					{ label: 'Far longer (3 times or more)', when: { atLeast: 3 } }
				],
				explain:
					'About twice as long. One CHPID of four CTCs carries less than half of what two did, so every pass takes longer; the link survived the failure, as the advice to spread CTCs over paths intends, but relocations slow down until it is repaired.'
			}
		},
		{
			title: 'Too few devices',
			body: [
				'Now CHPID 50 is left with a single CTC device (the other three are taken off it). One CTC is still a working logical link: the minimum is one device.'
			],
			look: 'ISFC links: working CTCs and capacity.',
			question: {
				prompt: "What is the link's capacity with one CTC on one CHPID?",
				observe: { of: 'link-capacity', link: LINK },
				choices: [
					{ label: 'Still 300 MB/s', when: { is: 300 } },
					{ label: 'Between 150 and 300 MB/s', when: { between: [150, 300] } },
					{ label: 'Under 150 MB/s', when: { below: 150 } }
				],
				explain:
					'100 MB/s: a CHPID gets its full rate only with several CTC devices writing in parallel, which is why 001 recommends four per CHPID. The link is up, but a third as fast as one CHPID with four.'
			}
		},
		{
			title: 'Relocating over a thin link',
			body: [
				'LNXSU11 goes back to ITSOSSI5 over the one remaining CTC. Over the full link its move took about seven seconds.',
				'The time available for a relocation is one of the things that decide how many CTCs you need (000 §2.3.3).'
			],
			look: 'Relocations: the passes, the quiesce time and the total time.',
			question: {
				prompt: 'How long does the whole relocation take now?',
				observe: { of: 'relocation-figure', user: 'LNXSU11', figure: 'totalMs' },
				choices: [
					{ label: 'Under 10 seconds, as before', when: { below: 10000 } },
					{ label: '10 to 30 seconds', when: { between: [10000, 30000] } },
					{ label: '30 seconds or more', when: { atLeast: 30000 } }
				],
				explain:
					"More than 40 seconds, six times the full link's time, and its quiesce time grew too. Relocation time scales with the link: 001's advice (4 CTCs per CHPID, up to 4 CHPIDs) is what keeps large guests moving fast and their quiesce short."
			}
		}
	]
};
