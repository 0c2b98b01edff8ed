// Placeholder shell until the full SPA lands.
export function App() {
  return (
    <main>
      <h1>Reelsmith</h1>
      <p>Clips, photos or a script plus one sentence → a platform-ready MP4.</p>
    </main>
  );
}
