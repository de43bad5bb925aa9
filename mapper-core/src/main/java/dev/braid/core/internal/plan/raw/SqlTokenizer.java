package dev.braid.core.internal.plan.raw;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the parameters of a raw SQL text: {@code :name} and {@code ?} outside string literals
 * ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes), quoted identifiers
 * ({@code "..."}), dollar-quoted strings ({@code $tag$...$tag$}), line comments ({@code --}) and block
 * comments ({@code /* ... *}{@code /}, nested as the SQL standard and PostgreSQL nest them). A
 * {@code ::} cast is not a parameter, {@code ??} is a literal {@code ?} (PostgreSQL's JSON operators),
 * and a {@code :} followed by anything but a letter or underscore is text. One pass, no backtracking.
 */
final class SqlTokenizer {
    private final String sql;
    private final int length;
    private final List<SqlText.Part> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int at;
    private int positional;
    private SqlText.Parameter firstNamed;
    private SqlText.Parameter firstPositional;

    SqlTokenizer(String sql) {
        this.sql = sql;
        this.length = sql.length();
    }

    SqlText parse() {
        while (at < length) {
            char c = sql.charAt(at);
            switch (c) {
                case '\'' -> quoted('\'', backslashEscapes(), "string literal");
                case '"' -> quoted('"', false, "quoted identifier");
                case '-' -> {
                    if (next() == '-') lineComment();
                    else copy(1);
                }
                case '/' -> {
                    if (next() == '*') blockComment();
                    else copy(1);
                }
                case '$' -> dollar();
                case ':' -> colon();
                case '?' -> question();
                default -> copy(1);
            }
        }
        flushText();
        if (firstNamed != null && firstPositional != null) {
            throw error("mixes named (" + firstNamed.label() + " at offset " + firstNamed.offset() + ") and positional"
                    + " (? at offset " + firstPositional.offset() + ") parameters. Fix: use one style, :name or ?");
        }
        return new SqlText(sql, parts);
    }

    private char next() {
        return at + 1 < length ? sql.charAt(at + 1) : '\0';
    }

    private void copy(int count) {
        text.append(sql, at, at + count);
        at += count;
    }

    /** {@code E'...'}: the quote follows a lone E (not the end of an identifier such as {@code name}). */
    private boolean backslashEscapes() {
        if (at == 0) return false;
        char e = sql.charAt(at - 1);
        return (e == 'E' || e == 'e') && (at == 1 || !identifierPart(sql.charAt(at - 2)));
    }

    private void quoted(char quote, boolean backslashes, String what) {
        int start = at;
        int i = at + 1;
        while (true) {
            if (i >= length) throw unterminated(what, start);
            char c = sql.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < length && sql.charAt(i + 1) == quote) {
                    i += 2; // doubled quote: part of the literal
                } else {
                    copy(i + 1 - at);
                    return;
                }
            } else {
                i++;
            }
        }
    }

    private void lineComment() {
        int end = sql.indexOf('\n', at);
        copy((end < 0 ? length : end) - at);
    }

    private void blockComment() {
        int start = at;
        int depth = 0;
        int i = at;
        while (i < length) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    copy(i - at);
                    return;
                }
            } else {
                i++;
            }
        }
        throw unterminated("block comment", start);
    }

    /** {@code $tag$...$tag$} (or {@code $$...$$}) is a string; {@code $1} is refused; {@code a$b} is an identifier. */
    private void dollar() {
        if (at > 0 && identifierPart(sql.charAt(at - 1))) {
            copy(1);
            return;
        }
        if (Character.isDigit(next())) {
            throw error("uses the marker $" + digitsAt(at + 1) + " at offset " + at + ". Braid writes each database's"
                    + " markers itself. Fix: write :name (bind(\"name\", value)) or ? (bind(index, value))");
        }
        int i = at + 1;
        if (i < length && identifierStart(sql.charAt(i))) {
            while (i < length && identifierPart(sql.charAt(i)) && sql.charAt(i) != '$') i++;
        }
        if (i >= length || sql.charAt(i) != '$') {
            copy(1);
            return;
        }
        String tag = sql.substring(at, i + 1);
        int end = sql.indexOf(tag, i + 1);
        if (end < 0) throw unterminated("dollar-quoted string " + tag, at);
        copy(end + tag.length() - at);
    }

    private String digitsAt(int from) {
        int i = from;
        while (i < length && Character.isDigit(sql.charAt(i))) i++;
        return sql.substring(from, i);
    }

    private void colon() {
        char next = next();
        if (next == ':') {
            copy(2); // a cast: x::int
            return;
        }
        if (!identifierStart(next)) {
            copy(1);
            return;
        }
        int start = at;
        int i = at + 1;
        while (i < length && identifierPart(sql.charAt(i)) && sql.charAt(i) != '$') i++;
        SqlText.Parameter p = new SqlText.Parameter(sql.substring(start + 1, i), -1, start);
        if (firstNamed == null) firstNamed = p;
        parameter(p);
        at = i;
    }

    private void question() {
        if (next() == '?') {
            text.append('?'); // ?? is a literal ?, e.g. PostgreSQL's jsonb ? operator
            at += 2;
            return;
        }
        SqlText.Parameter p = new SqlText.Parameter(null, positional++, at);
        if (firstPositional == null) firstPositional = p;
        parameter(p);
        at++;
    }

    private void parameter(SqlText.Parameter p) {
        flushText();
        parts.add(p);
    }

    private void flushText() {
        if (text.length() > 0) {
            parts.add(new SqlText.Text(text.toString()));
            text.setLength(0);
        }
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private MapperException unterminated(String what, int start) {
        return error("has an unterminated " + what + " starting at offset " + start + ". Fix: close it (a quote"
                + " inside a literal is written twice: 'it''s')");
    }

    private MapperException error(String problem) {
        return new MapperException(ErrorCode.BRAID_QUERY, "The SQL text " + abbreviated() + " " + problem);
    }

    private String abbreviated() {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return "\"" + (oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine) + "\"";
    }
}
