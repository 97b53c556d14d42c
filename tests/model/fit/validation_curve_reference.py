# The known answers of tests/model/fit/tst_ValidationCurve.cpp, printed by scikit-learn:
#   /usr/bin/python3 tests/model/fit/validation_curve_reference.py
import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LinearRegression, Ridge, Lasso
from sklearn.metrics import mean_squared_error
n=40
i=np.arange(n)
x=(i-20)/8.0
z=np.cos(i*0.7)
y=np.sin(2*x)+0.3*z+0.1*((i*7)%5)
test=(i%4==0)
def design(k):
    X=np.column_stack([z]+[x**p for p in range(1,k+1)])
    return StandardScaler().fit_transform(X)
print("degree split ols")
for k in range(1,6):
    X=design(k); m=LinearRegression().fit(X[~test],y[~test])
    print(k, repr(mean_squared_error(y[~test],m.predict(X[~test]))), repr(mean_squared_error(y[test],m.predict(X[test]))))
print("alpha cv ridge, folds i%3, degree 3")
X=design(3)
for a in [0.01,0.1,1.0,10.0]:
    tr=[];te=[]
    for f in range(3):
        t=(i%3==f); m=Ridge(alpha=a).fit(X[~t],y[~t])
        tr.append(mean_squared_error(y[~t],m.predict(X[~t]))); te.append(mean_squared_error(y[t],m.predict(X[t])))
    print(a, repr(np.mean(tr)), repr(np.mean(te)))
print("alpha split lasso degree 3")
for a in [0.01,0.1]:
    m=Lasso(alpha=a,tol=1e-12,max_iter=100000).fit(X[~test],y[~test])
    print(a, repr(mean_squared_error(y[~test],m.predict(X[~test]))), repr(mean_squared_error(y[test],m.predict(X[test]))))
