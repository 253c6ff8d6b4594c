/**
 * CSV files in and out of the engine: {@link org.example.segmentation.core.csv.CsvReader} reads a file into a
 * {@link org.example.segmentation.core.table.Table}, {@link org.example.segmentation.core.csv.CsvWriter}
 * writes one. Writing quotes as Apache Commons CSV's minimal quoting does, and reading (whole or in chunks) and
 * delimiter detection split records with a lexer of its own (package-private {@code CsvLexer}) that follows exactly
 * the same format; both are our own code, for speed, and both are tested against Commons CSV. This package adds encoding checks, detection, type inference and messages that say where a problem
 * is.
 *
 * <p>This description is the reference for every rule below; the README repeats it for users.
 *
 * <h2>Reading</h2>
 *
 * <h3>File and encoding</h3>
 * <ul>
 * <li>The file must be UTF-8. A byte order mark at the start is dropped. An invalid byte is an error that
 * names the file and the line it is on; so is a NUL character (which UTF-16 text and binary files are full
 * of). A UTF-16 byte order mark gets its own message.</li>
 * <li>The first record is the header: it names the columns. An empty file (nothing, or only blank lines) is
 * an error.</li>
 * <li>Lines end with LF, CRLF or CR. Empty lines are skipped anywhere in the file. Line numbers in messages
 * are 1-based physical lines of the file, so a record whose quoted field holds a line break spans several
 * lines and is reported at the line it starts on.</li>
 * </ul>
 *
 * <h3>Fields and quoting (RFC 4180)</h3>
 * <ul>
 * <li>A field may be enclosed in double quotes; then it may contain the delimiter, line breaks, and
 * double quotes written twice ({@code "He said ""hi"""}). Text after a closing quote, or a quote that is
 * never closed, is an error naming the line. A quote inside an unquoted field is an ordinary character.</li>
 * <li>Spaces and tabs around an unquoted field, and around the quotes of a quoted field, are dropped
 * ({@code a, b} reads {@code b}); to keep them, quote the field ({@code " b"}).</li>
 * <li>Every record must have as many fields as the header; otherwise the read fails naming the line, the
 * number of fields found and expected, and the delimiter.</li>
 * <li>A field holds at most 1,000,000 characters (after unquoting); a longer one fails the read naming the line
 * it starts on, its column and the limit, as soon as the limit is passed, so memory stays bounded (a quote that
 * is never closed in a large file fails this way too).</li>
 * </ul>
 *
 * <h3>Header</h3>
 * <ul>
 * <li>Column names are kept exactly as written (after the space rule above) and compared exactly:
 * {@code "Região"} and {@code "Regiao"} are two columns. A name appearing twice is an error naming both
 * column positions.</li>
 * <li>An empty name is an error, except in trailing position: columns at the end of the header whose name
 * is empty (as spreadsheets write {@code a,b,,}) are dropped with a warning, which also counts any
 * non-empty values they held.</li>
 * </ul>
 *
 * <h3>Delimiter</h3>
 * Set it ({@link org.example.segmentation.core.csv.CsvReadOptions#withDelimiter(char)}) or let the reader
 * detect it among {@code ,} {@code ;} TAB {@code |}. Detection parses the beginning of the file (the header
 * and up to 100 records, within the first 1 MiB) with each candidate, honouring quotes:
 * <ol>
 * <li>A candidate counts only if it splits the header into at least two fields.</li>
 * <li>A candidate is consistent if every sampled record has as many fields as the header.</li>
 * <li>A consistent candidate beats an inconsistent one; then more header fields win; then the order
 * {@code ,} {@code ;} TAB {@code |} decides.</li>
 * <li>If no candidate splits the header, the file has one column (read with {@code ,}).</li>
 * </ol>
 * An inconsistent winner then fails the read with the line of the first bad record, which is usually the
 * most useful message.
 * <p>A set delimiter is checked against the same sample: when it leaves the header one single column while the
 * candidate detection would pick splits the header into several and is consistent, the read fails naming the
 * delimiter set and the one to use (a file with one column whose header holds, say, a comma still reads when
 * its records do not split consistently).
 *
 * <h3>Missing values</h3>
 * A field is missing when it equals one of the missing tokens after removing surrounding whitespace,
 * ignoring letter case. The defaults are the empty field, {@code NA}, {@code N/A}, {@code null},
 * {@code NaN}, {@code ?} and {@code -}, so {@code na}, {@code NULL} and {@code " n/a "} are missing too. The
 * tokens can be replaced ({@link org.example.segmentation.core.csv.CsvReadOptions#withMissingTokens}); drop
 * {@code ""} from them and empty fields are values. Missing tokens apply to every column type. Header names
 * are never missing.
 *
 * <h3>Numbers</h3>
 * <ul>
 * <li>A number is, after removing surrounding whitespace: an optional sign {@code +} or {@code -}; digits
 * with at most one decimal separator (digits may be missing on one side: {@code 5.}, {@code .5}); an
 * optional exponent {@code e} or {@code E} with optional sign and digits. {@code Infinity} (any letter
 * case, with optional sign) and {@code NaN} (when not a missing token) are numbers too. Nothing else:
 * no thousands separators, no currency or percent signs, no hexadecimal.</li>
 * <li>Values are kept as the file says: {@code Infinity}, {@code 1e999} (which is infinite) and negative
 * ages are read as they are; the cleaning step decides what is valid. Parsing is correctly rounded, so
 * what {@link org.example.segmentation.core.csv.CsvWriter} writes reads back to the same double.</li>
 * </ul>
 *
 * <h3>Decimal comma</h3>
 * <ul>
 * <li>With decimal mark {@code POINT} the separator is {@code .}; with {@code COMMA} it is {@code ,}, which
 * needs a delimiter other than {@code ,} (else the read fails). {@code 1.234,56} is never a number: there are
 * no thousands separators.</li>
 * <li>With {@code AUTO} (the default), decimal comma is used only when the delimiter is {@code ;}, at least
 * one field of the file is a number only with a decimal comma (like {@code 1,5}) and no field is a number
 * only with a decimal point (like {@code 1.5}); integers count for neither. If the file has both kinds, it is
 * read with a decimal point and a warning names the first field of each kind.</li>
 * </ul>
 *
 * <h3>Column types</h3>
 * Types are inferred over all rows, in this order, where <i>n</i> is the number of non-missing values of the
 * column and <i>d</i> the number of distinct ones (exact text comparison):
 * <ol>
 * <li><b>numeric</b> when <i>n</i> &ge; 1 and every non-missing value is a number;</li>
 * <li><b>text</b> when <i>n</i> = 0 (no rows, or all missing: the type is unknown);</li>
 * <li><b>text</b> (an identifier or free text) when <i>d</i> &gt; {@code maxCategoricalLevels} (default
 * 50);</li>
 * <li><b>text</b> when <i>n</i> &ge; 20 and <i>d</i> &ge; 0.9 <i>n</i> (nearly every value distinct, like
 * customer ids; below 20 values this says nothing);</li>
 * <li><b>categorical</b> otherwise (at most {@code maxCategoricalLevels} distinct values).</li>
 * </ol>
 * A column that is not numeric although at least 90% of its non-missing values are numbers gets a warning
 * naming the column, how many values are not numbers and the first line where one occurs, and suggesting a
 * numeric schema entry. It is not coerced.
 *
 * <p>A schema ({@link org.example.segmentation.core.csv.CsvReadOptions#withColumnType}) sets a column's type
 * and wins over inference. Under a numeric schema entry a value that is not a number becomes missing; a
 * warning names the column, the count and the first line. A schema entry for a column the file does not have
 * is an error. Every column's type and the reason for it are in
 * {@link org.example.segmentation.core.csv.CsvReadResult#columns()}.
 *
 * <p>Categorical and text values are kept exactly as read (after the space rule above).
 *
 * <h3>No data rows</h3>
 * A header without data rows gives an empty table (every column text, or as the schema says) and a
 * warning.
 *
 * <h3>Errors</h3>
 * Every error is an {@link org.example.segmentation.core.InputException} with a one-line message that starts
 * with the file and, where it applies, the line and the column: missing file, a directory, empty file,
 * invalid UTF-8, malformed quotes, empty or duplicate column name, wrong number of fields, a field longer than
 * 1,000,000 characters, a set delimiter that leaves the header one column while another splits it, a schema entry
 * for an absent column, decimal comma with delimiter {@code ,}, a file that changes between two passes.
 *
 * <h3>Memory, speed and progress</h3>
 * The file is never held as text. A whole read ({@code read}) lexes it once: while the first pass checks the
 * structure and counts what type inference needs, every column also loads its values on a guess of its type, made
 * from its first value (a number: numeric; anything else: categorical, turning to text past the level limit). A
 * column whose decided type is its guess is done; a numeric guess that met a non-number at some row has its values
 * before that row read again (only those rows), and the values after it are taken from their exact text; a guess the
 * schema overrules is read again. The result is exactly that of a pass that decides and a pass
 * that loads. A read in chunks ({@code chunks}) makes the first pass without loading, in memory bounded by the
 * categorical level limit, then loads one chunk at a time. A read in chunks in one pass ({@code chunksInOnePass})
 * makes that first pass over the first chunk's rows only, takes the types and decimal mark they give as a guess, and
 * then makes the first pass over the whole file and loads the chunks in the guessed types together; a value that does
 * not fit its guessed type, a column guessed categorical passing the level limit, or whole-file types or mark other
 * than the guess at the end of the file, end the read with {@code CsvChunks.GuessFailed}, and the caller reads again
 * in two passes (streaming scoring and drift also do when their own work on a chunk fails before the read's end, as a
 * wrong guess can cause that); at the end of the file the one pass has counted the whole file as the first pass of
 * {@code chunks} counts it, and {@code GuessFailed.secondPass()} gives that read with only its second pass left.
 * When it ends normally, every chunk is exactly the chunk of the two-pass read, and the
 * warnings, types and row count are the whole file's. A whole read needs about the table's own memory (8 bytes per
 * numeric value, 4 per categorical value, the characters of text columns; a column growing past the estimate from the
 * file's first MiB is copied once) plus short-lived garbage.
 *
 * <p>The distinct values that type inference counts are collected from a part's first value that is not a number on:
 * the rows before it are read again, for their distinct values only, when the column turns out not numeric (a file
 * of numeric columns is never read again for this). The counts are exactly those of counting every row. Most bytes
 * are decoded by the reader itself (ASCII, eight bytes at a time, and two-byte sequences), the rest by the JDK's
 * strict decoder; an unquoted field is parsed where it lies in the decoded text, without being copied.
 *
 * <p>A file of at least 4 MiB per thread is split into as many parts as there are processors (at most 4), each
 * starting just after a line feed near its share of the bytes, and the first pass scans the parts in parallel;
 * they are joined in file order, with line numbers carried on, so tables, warnings and types are the same as in one
 * part. A line feed inside a quoted field is no record boundary: then the part before it ends inside quotes, and the
 * file is scanned again in one part; so is a file whose scan fails in any part, so that errors name the same line
 * as in one part. Progress is reported by bytes read (a whole read: 0..0.9 the first pass, then the rows read again;
 * in chunks: first pass 0..0.5, chunks 0.5..1; in one pass: 0..1) and cancellation is checked every 4096 rows.
 *
 * <h2>Writing</h2>
 * {@link org.example.segmentation.core.csv.CsvWriter} writes a header and one record per row: UTF-8 without
 * byte order mark, {@code \n} line ends, delimiter {@code ,} unless set, RFC 4180 quoting where needed,
 * missing values as empty fields, numbers by {@link org.example.segmentation.core.table.Column#format(int)}.
 * Writing to a file goes through a temporary file in the same directory, renamed atomically over the target
 * at the end; a failed or cancelled write leaves no temporary file and the previous target unchanged. Writing
 * to a {@link java.io.Writer} or {@link java.io.OutputStream} (standard output) is offered too, whole or chunk by
 * chunk. Rows are formatted as UTF-8 bytes, in blocks, on two threads, and written in row order; text that UTF-8
 * cannot hold (an unpaired surrogate) is an error naming the column and row.
 */
package org.example.segmentation.core.csv;
