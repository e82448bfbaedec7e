// A stand-in for `clamdscan --no-summary -` with the same contract: reads the file on stdin, exit 0 when
// clean, exit 1 (and a FOUND line) when it holds the EICAR test signature.
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  if (Buffer.concat(chunks).includes('EICAR-STANDARD-ANTIVIRUS-TEST-FILE')) {
    process.stdout.write('stdin: Eicar-Test-Signature FOUND\n');
    process.exit(1);
  }
  process.exit(0);
});
