package org.example.segmentation.core;

/**
 * Bad input from the user: a file, a setting, a column or a row that is not what was expected. The message
 * is one line that names the problem and where it is (file, line, column, setting) and what was expected;
 * the command line prints it as is and exits with code 1, a KNIME node shows it as its error.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
