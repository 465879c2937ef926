/** The scenario editor shared with its form components (Svelte context). */
import { getContext, setContext } from 'svelte';
import type { ScenarioEditor } from '$lib/state/scenario-editor.svelte';

const KEY = Symbol('scenario-editor');

export function provideEditor(editor: ScenarioEditor): void {
	setContext(KEY, editor);
}

export function useEditor(): ScenarioEditor {
	const editor = getContext<ScenarioEditor | undefined>(KEY);
	if (!editor) throw new Error('editor form components need provideEditor() in their page');
	return editor;
}
