package org.kinship.referrals;

import java.util.List;

/** A provider or a spreadsheet of providers was refused; every problem is named and nothing was stored. */
public class InvalidDirectoryDataException extends RuntimeException {

    private final List<DirectoryProblem> problems;

    public InvalidDirectoryDataException(List<DirectoryProblem> problems) {
        super(problems.size() + " problem(s) in the service directory data");
        this.problems = List.copyOf(problems);
    }

    public List<DirectoryProblem> problems() {
        return problems;
    }
}
