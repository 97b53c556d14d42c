# Numbers at the edges: 1e300 and 1e-300, constant columns, one row, d > n, collinear features,
# a million identical rows, through the model pipeline and `linlab --batch`.
linlab_add_test(tst_EdgeNumbers model/tst_EdgeNumbers.cpp linlab_document linlab_ui)
add_dependencies(tst_EdgeNumbers linlab)
