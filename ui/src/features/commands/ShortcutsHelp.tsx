import { Dialog } from "../../components/Dialog";
import { keysLabel, SHORTCUTS } from "./shortcuts";

/** `?`: the keyboard shortcuts, listed. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className="shortcuts-list" data-testid="shortcuts-help">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys} className="shortcuts-row">
            <dt>
              <kbd>{keysLabel(shortcut.keys)}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
