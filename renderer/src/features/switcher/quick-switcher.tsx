// Ctrl/Cmd+K: a combobox over every account, install and app; arrows move, Enter jumps, Escape closes.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useCatalog } from '../../stores/catalog';
import { navigate } from '../../stores/navigation';
import { filterItems, switcherItems } from './switcher-items';

export function QuickSwitcher() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return open ? <SwitcherDialog onClose={() => setOpen(false)} /> : null;
}

function SwitcherDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { apps, accounts, installs } = useCatalog();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = useMemo(() => switcherItems(apps ?? [], accounts ?? [], installs ?? []), [apps, accounts, installs]);
  const shown = filterItems(items, query);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const choose = (index: number) => {
    const item = shown[index];
    if (!item) return;
    navigate(item.view);
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((current + 1) % Math.max(1, shown.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current - 1 + shown.length) % Math.max(1, shown.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(current);
    }
  };

  return (
    <dialog ref={dialog} className="dialog switcher" aria-label="Quick switcher" onCancel={(event) => { event.preventDefault(); onClose(); }} onClose={onClose}>
      <input
        className="switcher__input"
        role="combobox"
        aria-label="Go to account or install"
        aria-expanded="true"
        aria-controls="switcher-list"
        aria-activedescendant={shown[current] ? `switcher-${current}` : undefined}
        aria-autocomplete="list"
        placeholder="Type an account, app or install…"
        value={query}
        onChange={(event) => { setQuery(event.target.value); setActive(0); }}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <ul id="switcher-list" role="listbox" className="switcher__list" aria-label="Matches">
        {shown.map((item, index) => (
          <li
            key={item.key}
            id={`switcher-${index}`}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'switcher__item switcher__item--active' : 'switcher__item'}
            onMouseDown={(event) => { event.preventDefault(); choose(index); }}
          >
            <span className={item.production ? 'account-name--production' : undefined}>{item.title}</span>
            <span className="muted"> · {item.kindWord}</span>
          </li>
        ))}
        {shown.length === 0 && <li className="muted" role="presentation">Nothing matches “{query}”.</li>}
      </ul>
    </dialog>
  );
}
