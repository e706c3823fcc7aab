import { useState, type ReactNode } from 'react';

interface ToggleFormProps {
  label: string;
  className?: string;
  /** The form, given a way to close itself. */
  children: (close: () => void) => ReactNode;
}

/** A button that opens a form in place of itself; saving or cancelling closes it. */
export function ToggleForm({
  label,
  className = 'button button-quiet',
  children,
}: ToggleFormProps) {
  const [open, setOpen] = useState(false);
  if (open) return <>{children(() => setOpen(false))}</>;

  return (
    <button type="button" className={className} onClick={() => setOpen(true)}>
      {label}
    </button>
  );
}
