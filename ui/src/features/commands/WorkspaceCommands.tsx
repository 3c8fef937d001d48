import { useCallback, useEffect, useEffectEvent, useMemo, useState } from "react";
import { useLoad } from "../../components/useLoad";
import { secretList, stepList } from "../../ipc/commands";
import { useNavigation } from "../shell/navigation";
import { CommandPalette } from "./CommandPalette";
import { paletteEntries } from "./paletteEntries";
import { shortcutFor, type ShortcutAction } from "./shortcuts";
import { ShortcutsHelp } from "./ShortcutsHelp";
import "./commands.css";

type Open = "palette" | "help" | null;

/** The global shortcuts of the workspace, with the command palette and the shortcuts overlay they open. */
export function WorkspaceCommands({ projectId }: { projectId: string }) {
  const { navigate } = useNavigation();
  const [open, setOpen] = useState<Open>(null);

  const act = useEffectEvent((action: ShortcutAction) => {
    if (action === "palette") setOpen("palette");
    else if (action === "help") setOpen("help");
    else if (action === "new-secret") navigate("secrets", { kind: "new-secret" });
    else document.querySelector<HTMLInputElement>(".app-main input[type=search]")?.focus();
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // A page that handled the key, or an open dialog (it owns the keyboard), goes first.
      if (event.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      act(action);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const close = useCallback(() => setOpen(null), []);

  if (open === "help") return <ShortcutsHelp onClose={close} />;
  if (open === "palette") {
    return <PaletteWithEntries projectId={projectId} onClose={close} onShowShortcuts={() => setOpen("help")} />;
  }
  return null;
}

type PaletteWithEntriesProps = { projectId: string; onClose: () => void; onShowShortcuts: () => void };

/** The palette over this project's secrets and steps, fetched when it opens. */
function PaletteWithEntries({ projectId, onClose, onShowShortcuts }: PaletteWithEntriesProps) {
  const { navigate } = useNavigation();
  const load = useCallback(
    async () => {
      const [secrets, steps] = await Promise.all([secretList(projectId), stepList(projectId)]);
      return { secrets, steps };
    },
    [projectId],
  );
  const { data, error } = useLoad(load);
  const entries = useMemo(
    () =>
      paletteEntries({
        navigate,
        showShortcuts: onShowShortcuts,
        secrets: data?.secrets ?? [],
        steps: data?.steps ?? [],
      }),
    [navigate, onShowShortcuts, data],
  );
  return <CommandPalette entries={entries} loading={data === null && error === null} onClose={onClose} />;
}
