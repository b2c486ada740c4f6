/**
 * Ingest: MSP, MGF, MassBank and SDF libraries and MOL folders into one Dataset of spectra with
 * structures. Formats, their detection and an example record of each: docs/input-formats.md.
 *
 * <h2>Reading</h2>
 *
 * MSP files are split by Hadoop into byte ranges ({@link io.msetl.msp.MspInputFormat}); a split
 * owns the records that start inside it; records are separated by one or more blank lines (any line
 * ends). MGF files likewise at {@code END IONS} lines. {@code .gz} files are one task each. A light
 * counting job (one number per split reaches the driver) gives every record its 0-based ordinal
 * within its file. MassBank trees are listed by executor tasks ({@link MassBankFiles}) and each
 * file is read whole. Records above {@code maxRecordBytes} keep only their head in memory and are
 * rejected.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>record_id ({@link io.msetl.msp.RecordIds}): {@code ID:}, {@code DB#:}, {@code NIST#:},
 *       {@code ACCESSION:}, {@code SPECTRUMID=}; then the same keys in comment pairs or an SDF
 *       header line; else {@code <file name>#<ordinal>}.
 *   <li>Comment pairs / SDF header values fill absent fields (NIST#, DB#, CAS, MW, ExactMass,
 *       Formula, Spectrum_type, collision energy, InChIKey, precursor type, license); an explicit
 *       field wins, a disagreement is the warning DECLARED_FIELD_CONFLICT.
 *   <li>Structure precedence: MOL file ({@code ID{id}.MOL}, case-insensitive) &gt; SDF molecule
 *       with the same record id &gt; declared SMILES (field, then Comments pair {@code SMILES},
 *       then {@code computed SMILES}) &gt; declared InChI (same order). Placeholders (NA, None,
 *       ...) count as absent.
 *   <li>Duplicate ids: among accepted spectra the first by (source_file, byte_offset) is kept; the
 *       others are rejected {@code DUPLICATE_ID}.
 *   <li>A directory input uses its *.msp(.gz) and MOL/; its *.sdf only when it has no MSP.
 *   <li>With MSP input, SDF files are a structure source; without, their molecules carrying {@code
 *       MASS SPECTRAL PEAKS} are the records and the others are orphan structures.
 * </ul>
 *
 * <h2>Reject reasons (stage {@code ingest})</h2>
 *
 * NO_PEAKS, UNPARSEABLE_PEAK_LINE, NEGATIVE_OR_NONFINITE_PEAK, NUM_PEAKS_MISMATCH (only with {@code
 * NumPeaksMismatch.REJECT}), MISSING_RECORD_SEPARATOR, DUPLICATE_ID, MISSING_STRUCTURE,
 * RECORD_TOO_LARGE, DEPRECATED_RECORD (MassBank), MALFORMED_BLOCK (MGF).
 *
 * <h2>Warnings (records.warnings, each "CODE: detail")</h2>
 *
 * NUM_PEAKS_MISMATCH, UNPARSEABLE_VALUE, UNPARSED_HEADER_LINE, DECODED_AS_WINDOWS_1252,
 * DECLARED_FIELD_CONFLICT, MOL_HEADER_REALIGNED, MOL_COUNTS_VERSION_ADDED, MOL_M_END_ADDED,
 * MOL_M_END_DEDUPLICATED, MOL_FILE_UNUSABLE, MOL_FILE_UNREADABLE.
 */
package io.msetl.ingest;
