package io.sextant.console.ui.changes;

import com.vaadin.flow.component.textfield.TextArea;

/**
 * What the server can ask of a SQL text area in the browser: put text at the caret, select a line.
 * The caret lives only in the browser, so both run there; the new value comes back through the
 * field's own change event, as if typed.
 */
final class SqlEditor {

    private SqlEditor() {
    }

    /** Inserts {@code text} at the caret (replacing a selection), or at the end when the field never had focus. */
    static void insertAtCaret(TextArea area, String text) {
        area.getElement().executeJs("""
                const ta = this.inputElement; if (!ta) return;
                const s = ta.selectionStart ?? ta.value.length, e = ta.selectionEnd ?? s;
                this.value = ta.value.slice(0, s) + $0 + ta.value.slice(e);
                const at = s + $0.length;
                requestAnimationFrame(() => { ta.focus(); ta.setSelectionRange(at, at); });
                this.dispatchEvent(new Event('change', {bubbles: true}));""", text);
    }

    /** Selects line {@code line} (one-based) and scrolls it into view. */
    static void selectLine(TextArea area, int line) {
        area.getElement().executeJs("""
                const ta = this.inputElement; if (!ta) return;
                const lines = ta.value.split('\\n'); let s = 0;
                for (let i = 0; i < $0 - 1 && i < lines.length; i++) s += lines[i].length + 1;
                const e = s + (lines[$0 - 1] ?? '').length;
                ta.focus(); ta.setSelectionRange(s, e);""", line);
    }
}
