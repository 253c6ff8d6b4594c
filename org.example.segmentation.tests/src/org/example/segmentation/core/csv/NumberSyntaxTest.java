package org.example.segmentation.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = { "0", "42", "-7", "+7", "007", " 12 ", "\t3", "1e5", "1E+5", "-2e-3", "Infinity",
            "-infinity", "+INFINITY", "NaN", "nan" })
    void integersExponentsAndSpecialsAreNumbersUnderBothMarks(String s) {
        assertEquals(NumberSyntax.BOTH, NumberSyntax.classify(s), s);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.5", "-0.25", ".5", "5.", "+3.0e-2", "123456789.123" })
    void decimalPointNumbers(String s) {
        assertEquals(NumberSyntax.POINT, NumberSyntax.classify(s), s);
        assertFalse(Double.isNaN(NumberSyntax.parse(s, false)), s);
        assertTrue(Double.isNaN(NumberSyntax.parse(s, true)), s);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1,5", "-0,25", ",5", "5,", "+3,0e-2", "1234,56" })
    void decimalCommaNumbers(String s) {
        assertEquals(NumberSyntax.COMMA, NumberSyntax.classify(s), s);
        assertEquals(Double.parseDouble(s.replace(',', '.')), NumberSyntax.parse(s, true), s);
        assertTrue(Double.isNaN(NumberSyntax.parse(s, false)), s);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "abc", "1.234,56", "1,234.5", "1.2.3", "0x10", "1d", "1f", "--1", "+-1", "1e",
            "e5", ".", ",", "+", "-", "1 2", "12%", "$12", "1_000", "\u0661\u0662", "Inf", "1e5.5", "NaN1" })
    void nonNumbers(String s) {
        assertEquals(NumberSyntax.NONE, NumberSyntax.classify(s), s);
        assertTrue(Double.isNaN(NumberSyntax.parse(s, false)), s);
        assertTrue(Double.isNaN(NumberSyntax.parse(s, true)), s);
        assertFalse(NumberSyntax.isNaNLiteral(s), s);
    }

    @Test
    void specialValues() {
        assertEquals(Double.POSITIVE_INFINITY, NumberSyntax.parse("Infinity", false));
        assertEquals(Double.NEGATIVE_INFINITY, NumberSyntax.parse("-Infinity", true));
        assertEquals(Double.POSITIVE_INFINITY, NumberSyntax.parse("1e999", false));
        assertEquals(0.0, NumberSyntax.parse("1e-999", false));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(NumberSyntax.parse("-0", false)));
        assertTrue(NumberSyntax.isNaNLiteral(" NaN "));
        assertEquals(5.0, NumberSyntax.parse("+5", false));
    }

    @Test
    void parsingIsCorrectlyRoundedLikeDoubleParseDouble() {
        SplittableRandom random = new SplittableRandom(20240601L);
        for (int i = 0; i < 200_000; i++) {
            String s;
            switch (i % 5) {
                case 0:
                    s = Double.toString(Double.longBitsToDouble(random.nextLong()));
                    break;
                case 1:
                    s = Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
                    break;
                case 2: { // plain decimals of up to 20 digits, as a spreadsheet writes them
                    long mantissa = random.nextLong(1, Long.MAX_VALUE) / (long) Math.pow(10, random.nextInt(0, 18));
                    s = BigDecimal.valueOf(mantissa, random.nextInt(0, 25)).toPlainString();
                    break;
                }
                case 3:
                    s = random.nextInt(-1_000_000, 1_000_000) + "." + random.nextInt(0, 100);
                    break;
                default:
                    s = new BigDecimal(random.nextDouble() * 1e6).toPlainString();
            }
            if (s.contains("NaN") || s.contains("Infinity")) {
                continue;
            }
            double expected = Double.parseDouble(s);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(NumberSyntax.parse(s, false)),
                    s);
            assertEquals(Double.doubleToLongBits(expected),
                    Double.doubleToLongBits(NumberSyntax.parse(s.replace('.', ','), true)), s);
        }
    }
}
